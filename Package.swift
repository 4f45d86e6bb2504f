// swift-tools-version: 6.0
// TrendCast — a notebook-style interpreter for market-trend analysis.
//
// Layout (see docs/architecture.md):
//   Sources/   the language core: syntax, values, plugin protocol, graph, notebook, REPL, CLI
//   plugins/   one library target per algorithm family, registered in TrendCastBuiltins
//   Tests/     tests of the core and end-to-end tests of the built binary
import Foundation
import PackageDescription

/// Every algorithm family under plugins/NAME. The list is checked against the folders on disk
/// by `BuiltinPluginsTests`, and each entry must also appear in `BuiltinPlugins.all`.
let pluginNames = [
  "io", "table", "plot", "clean", "reshape",
  "arima", "ets", "trend", "baseline", "diagnostics", "forecast",
  "rules",
]

/// Extra dependencies of individual plugins beyond the core API.
let pluginDependencies: [String: [Target.Dependency]] = [
  "arima": ["TrendCastNumerics"],
  "ets": ["TrendCastNumerics"],
  "trend": ["TrendCastNumerics"],
  "baseline": ["TrendCastNumerics"],
  "diagnostics": ["TrendCastNumerics"],
  "forecast": ["TrendCastNumerics"],
  "clean": ["TrendCastNumerics"],
  "table": ["TrendCastNumerics"],
  "rules": ["TrendCastNumerics"],
]

/// Folders of test data (fixtures, snapshots) that tests read from disk, not sources.
func testDataFolders(_ path: String) -> [String] {
  let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
  return ["Fixtures", "Snapshots", "Cases"].filter {
    FileManager.default.fileExists(atPath: root.appendingPathComponent(path).appendingPathComponent($0).path)
  }
}

/// Numerical code is compiled with optimisation even in debug builds: unoptimised Swift is
/// 20–50× slower on tight array loops, which made `swift test` (and any debug `swift run`)
/// spend minutes in Kalman filters and itemset mining. Debugging symbols and testability stay.
let optimisedInDebug: [SwiftSetting] = [.unsafeFlags(["-O"], .when(configuration: .debug))]
let optimisedPlugins: Set<String> = ["arima", "ets", "trend", "diagnostics", "forecast", "rules"]

func pluginTargetName(_ name: String) -> String { "TrendCast" + name.prefix(1).uppercased() + name.dropFirst() + "Plugin" }

var targets: [Target] = [
  // MARK: - Support libraries (no interpreter dependency)
  .target(name: "TrendCastNumerics", swiftSettings: optimisedInDebug),
  .testTarget(name: "TrendCastNumericsTests", dependencies: ["TrendCastNumerics"], exclude: ["Fixtures"]),

  .target(name: "TrendCastCharts"),
  .testTarget(name: "TrendCastChartsTests", dependencies: ["TrendCastCharts"], exclude: ["Snapshots"]),

  // MARK: - Language core
  .target(name: "TrendCastSyntax"),
  .testTarget(name: "TrendCastSyntaxTests", dependencies: ["TrendCastSyntax"]),

  .target(name: "TrendCastValues", dependencies: ["TrendCastSyntax", "TrendCastCharts"]),
  .testTarget(name: "TrendCastValuesTests", dependencies: ["TrendCastValues"]),

  .target(name: "TrendCastPlugin", dependencies: ["TrendCastSyntax", "TrendCastValues", "TrendCastCharts"]),
  .testTarget(name: "TrendCastPluginTests", dependencies: ["TrendCastPlugin", "TrendCastValues"]),

  .target(name: "TrendCastGraph", dependencies: ["TrendCastSyntax", "TrendCastValues", "TrendCastPlugin", "TrendCastCharts"]),
  .testTarget(name: "TrendCastGraphTests", dependencies: ["TrendCastGraph", "TrendCastBuiltins", "TrendCastTestSupport"]),

  .target(name: "TrendCastNotebook", dependencies: ["TrendCastSyntax", "TrendCastGraph", "TrendCastValues", "TrendCastPlugin"]),
  .testTarget(name: "TrendCastNotebookTests", dependencies: ["TrendCastNotebook", "TrendCastBuiltins", "TrendCastTestSupport"]),

  // MARK: - Interactive use
  .systemLibrary(name: "CLibedit", pkgConfig: "libedit", providers: [.apt(["libedit-dev"])]),
  .target(name: "TrendCastLineReader", dependencies: ["CLibedit"]),

  .target(name: "TrendCastREPL", dependencies: [
    "TrendCastSyntax", "TrendCastValues", "TrendCastPlugin", "TrendCastGraph", "TrendCastNotebook", "TrendCastLineReader",
  ]),
  .testTarget(name: "TrendCastREPLTests", dependencies: ["TrendCastREPL", "TrendCastBuiltins", "TrendCastTestSupport"]),

  // MARK: - The built-in plugin list and the executable
  .target(name: "TrendCastBuiltins", dependencies: ["TrendCastPlugin", "TrendCastGraph"] + pluginNames.map { .target(name: pluginTargetName($0)) }),
  .testTarget(name: "TrendCastBuiltinsTests", dependencies: ["TrendCastBuiltins"]),

  .executableTarget(name: "trendcast", dependencies: [
    "TrendCastSyntax", "TrendCastCharts", "TrendCastValues", "TrendCastPlugin", "TrendCastGraph", "TrendCastNotebook",
    "TrendCastLineReader", "TrendCastREPL", "TrendCastBuiltins",
    .product(name: "ArgumentParser", package: "swift-argument-parser"),
  ]),

  // MARK: - Tests of the whole program
  .target(name: "TrendCastTestSupport", dependencies: [
    "TrendCastSyntax", "TrendCastValues", "TrendCastPlugin", "TrendCastGraph", "TrendCastNotebook", "TrendCastLineReader", "TrendCastBuiltins",
  ], path: "Tests/TrendCastTestSupport"),
  .testTarget(name: "EndToEndTests", dependencies: ["TrendCastTestSupport"], exclude: testDataFolders("Tests/EndToEndTests")),
]

// MARK: - Plugins: plugins/NAME/Sources and plugins/NAME/Tests
for name in pluginNames {
  let target = pluginTargetName(name)
  targets.append(.target(
    name: target,
    dependencies: ["TrendCastSyntax", "TrendCastPlugin", "TrendCastValues", "TrendCastCharts"] + (pluginDependencies[name] ?? []),
    path: "plugins/\(name)/Sources",
    swiftSettings: optimisedPlugins.contains(name) ? optimisedInDebug : []))
  targets.append(.testTarget(
    name: target + "Tests",
    dependencies: [.target(name: target), "TrendCastTestSupport"],
    path: "plugins/\(name)/Tests",
    exclude: testDataFolders("plugins/\(name)/Tests")))
}

let package = Package(
  name: "TrendCast",
  products: [
    .executable(name: "trendcast", targets: ["trendcast"]),
  ],
  dependencies: [
    .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
  ],
  targets: targets,
  swiftLanguageModes: [.v6]
)
