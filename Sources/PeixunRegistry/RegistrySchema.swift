import GRDB

/// The registry's schema. A shipped migration is never edited: a change is a
/// new migration appended at the end.
enum RegistrySchema {
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1") { db in
            try db.create(table: "programme") { t in
                t.primaryKey("code", .text)
                t.column("name", .text).notNull()
                t.column("issuer", .text).notNull()
                t.column("number_format", .text).notNull()
                t.column("kind_codes", .text).notNull()
            }
            try db.create(table: "run") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("programme_code", .text).notNull().references("programme")
                t.column("run_at", .datetime).notNull()
                t.column("data_date", .text).notNull()
                t.column("trainees", .integer).notNull()
                t.column("tutors", .integer).notNull()
                t.column("passed", .integer).notNull()
                t.column("excellent_trainees", .integer).notNull()
                t.column("excellent_tutors", .integer).notNull()
                t.column("issued", .integer).notNull()
                t.column("revoked", .integer).notNull()
                t.column("reinstated", .integer).notNull()
            }
            try db.create(table: "certificate") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("programme_code", .text).notNull().references("programme")
                t.column("person_id", .text).notNull()
                t.column("kind", .text).notNull()
                    .check { ["completion", "excellent_trainee", "excellent_tutor"].contains($0) }
                t.column("number", .text).notNull().unique()
                t.column("sequence", .integer).notNull().check { $0 >= 1 }
                t.column("status", .text).notNull().check { ["issued", "revoked"].contains($0) }
                t.column("holder_name", .text).notNull()
                t.column("masked_id", .text).notNull()
                t.column("county", .text).notNull()
                t.column("school", .text).notNull()
                t.column("issued_run", .integer).notNull().references("run")
                t.column("revoked_run", .integer).references("run")
                t.uniqueKey(["programme_code", "person_id", "kind"])
                t.uniqueKey(["programme_code", "kind", "sequence"])
            }
            try db.create(table: "certificate_event") { t in
                t.column("certificate_id", .integer).notNull().references("certificate")
                t.column("run", .integer).notNull().references("run")
                t.column("event", .text).notNull()
                    .check { ["issued", "revoked", "reinstated", "holder_updated"].contains($0) }
                t.column("detail", .text)
            }
            try db.create(index: "certificate_event_by_certificate", on: "certificate_event", columns: ["certificate_id"])
            try db.create(table: "standing") { t in
                t.column("programme_code", .text).notNull().references("programme")
                t.column("role", .text).notNull().check { ["trainee", "tutor"].contains($0) }
                t.column("person_id", .text).notNull()
                t.column("name", .text).notNull()
                t.column("masked_id", .text).notNull()
                t.column("county", .text).notNull()
                t.column("school", .text).notNull()
                t.column("passed", .boolean).notNull()
                t.column("excellent", .boolean).notNull()
                t.column("total", .text).notNull()
                t.column("run", .integer).notNull().references("run")
                t.primaryKey(["programme_code", "role", "person_id"])
            }
            // A certificate is never deleted, and its identity never changes:
            // that is what keeps a number from being reused or moved.
            try db.execute(sql: """
                CREATE TRIGGER certificate_never_deleted BEFORE DELETE ON certificate
                BEGIN SELECT RAISE(ABORT, 'certificates are never deleted'); END;
                CREATE TRIGGER certificate_identity_fixed
                BEFORE UPDATE OF programme_code, person_id, kind, number, sequence, issued_run ON certificate
                WHEN OLD.programme_code IS NOT NEW.programme_code OR OLD.person_id IS NOT NEW.person_id
                  OR OLD.kind IS NOT NEW.kind OR OLD.number IS NOT NEW.number
                  OR OLD.sequence IS NOT NEW.sequence OR OLD.issued_run IS NOT NEW.issued_run
                BEGIN SELECT RAISE(ABORT, 'a certificate''s number and holder never change'); END;
                """)
        }
        // The registry pins the verification key (CONTRACT §8): every key it
        // has accepted, oldest first (the last is the one new codes use), and
        // each certificate's code as printed, with the key it was made under,
        // so codes made under an earlier key stay verifiable after a rotation.
        migrator.registerMigration("v2-pinned-keys") { db in
            try db.create(table: "verification_key") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("fingerprint", .text).notNull().unique()
                t.column("key_path", .text).notNull()
                t.column("recorded_at", .datetime).notNull()
                t.column("reason", .text).notNull().check { ["first_run", "rotate"].contains($0) }
            }
            try db.alter(table: "certificate") { t in
                t.add(column: "code", .text)
                t.add(column: "key_fingerprint", .text)
            }
        }
        return migrator
    }
}
