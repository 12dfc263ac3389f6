/// The rows of a CSV file in the detected encoding.
struct CSVRowSource: RowSource {
    var path: String
    var fileName: String
    var encoding: CSVEncoding
    var chunkSize = 8 << 20

    func forEachRow(_ body: (RawRow) throws -> Bool) throws {
        let parser: CSVParser
        switch encoding {
        case .utf8(let skip):
            let file = try FileInput(path: path, fileName: fileName)
            parser = CSVParser(source: file, fileName: fileName, skip: skip, chunkSize: chunkSize)
        case .gb18030:
            let input = try GB18030Input(path: path, fileName: fileName, chunkSize: chunkSize / 2)
            parser = CSVParser(source: input, fileName: fileName, chunkSize: chunkSize)
        }
        while try parser.next() {
            if try !body(parser.row) { return }
        }
    }
}
