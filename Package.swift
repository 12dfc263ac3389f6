// swift-tools-version: 6.1
import PackageDescription

let package = Package(
    name: "Peixun",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "peixun", targets: ["peixun"]),
        .library(name: "PeixunCore", targets: ["PeixunCore"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/LebJe/TOMLKit", from: "0.6.0"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.19"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.0.0"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.0"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.0.0"),
        .package(url: "https://github.com/x-sheep/swift-property-based", from: "2.0.0"),
    ],
    targets: [
        // Pure Swift: scheme, export reading, validation, grading, ranking, results.
        .target(
            name: "PeixunCore",
            dependencies: [
                .product(name: "TOMLKit", package: "TOMLKit"),
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ]
        ),

        // System libraries: a module map and a shim header each.
        .systemLibrary(
            name: "CPangoCairo", pkgConfig: "pangocairo",
            providers: [.apt(["libcairo2-dev", "libpango1.0-dev"])]
        ),
        .systemLibrary(
            name: "CQRencode", pkgConfig: "libqrencode",
            providers: [.apt(["libqrencode-dev"])]
        ),
        .systemLibrary(
            name: "CXlsxWriter", pkgConfig: "xlsxwriter",
            providers: [.apt(["libxlsxwriter-dev"])]
        ),
        .systemLibrary(
            name: "CQPDF", pkgConfig: "libqpdf",
            providers: [.apt(["libqpdf-dev"])]
        ),

        // Edges.
        .target(
            name: "PeixunRegistry",
            dependencies: [
                "PeixunCore",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "Crypto", package: "swift-crypto"),
            ]
        ),
        .target(
            name: "PeixunRender",
            dependencies: [
                "PeixunCore", "CPangoCairo", "CQRencode", "CQPDF",
                .product(name: "Mustache", package: "swift-mustache"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "TOMLKit", package: "TOMLKit"),
            ],
            exclude: ["Cairo/README.md"]
        ),
        .target(
            name: "PeixunWorkbook",
            dependencies: ["PeixunCore", "CXlsxWriter", .product(name: "Crypto", package: "swift-crypto")]
        ),
        // OUT/index.html: the run at a glance (pure Swift: HTML, CSS, script and data files).
        .target(name: "PeixunOverview", dependencies: ["PeixunCore"]),
        // The static verification site (OUT/verify/): registry in, files out.
        .target(
            name: "PeixunSite",
            dependencies: [
                "PeixunCore", "PeixunRegistry",
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "_CryptoExtras", package: "swift-crypto"),
            ]
        ),
        // Certificate benchmark driver (bench/certificates.sh).
        .executableTarget(
            name: "certificates-bench", dependencies: ["PeixunCore", "PeixunRender"],
            path: "bench/certificates-bench"
        ),

        // Benchmark of the overview page (bench/overview.sh); not a product.
        .executableTarget(
            name: "overview-bench", dependencies: ["PeixunCore", "PeixunOverview", "PeixunRender"],
            path: "bench/overview-bench"
        ),

        // Verification site benchmark driver (bench/verify-site.sh).
        .executableTarget(
            name: "verify-site-bench", dependencies: ["PeixunCore", "PeixunSite"], path: "bench/verify-site-bench"
        ),

        // The command line: one file per subcommand.
        .executableTarget(
            name: "peixun",
            dependencies: [
                "PeixunCore", "PeixunRegistry", "PeixunRender", "PeixunWorkbook", "PeixunOverview", "PeixunSite",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),

        .testTarget(
            name: "PeixunCoreTests",
            dependencies: ["PeixunCore", .product(name: "PropertyBased", package: "swift-property-based")],
            resources: [.copy("Fixtures")]
        ),
        // Benchmark of the roster writer (bench/roster.sh); not a product.
        .executableTarget(
            name: "roster-bench", dependencies: ["PeixunCore", "PeixunWorkbook"], path: "bench/roster-bench"
        ),

        .testTarget(
            name: "PeixunRegistryTests",
            dependencies: ["PeixunRegistry", .product(name: "GRDB", package: "GRDB.swift")]
        ),
        .testTarget(name: "PeixunRenderTests", dependencies: ["PeixunRender"]),
        .testTarget(name: "PeixunOverviewTests", dependencies: ["PeixunOverview"]),
        .testTarget(
            name: "PeixunSiteTests",
            dependencies: ["PeixunSite", "PeixunRegistry", .product(name: "Crypto", package: "swift-crypto")]
        ),
        .testTarget(
            name: "PeixunWorkbookTests",
            dependencies: ["PeixunWorkbook", .product(name: "ZIPFoundation", package: "ZIPFoundation")]
        ),
        .testTarget(name: "peixunTests", dependencies: ["PeixunCore"], exclude: ["Fixtures"]),
    ],
    swiftLanguageModes: [.v5]
)
