import TrendCastGraph
import TrendCastPlugin
import TrendCastArimaPlugin
import TrendCastBaselinePlugin
import TrendCastCleanPlugin
import TrendCastDiagnosticsPlugin
import TrendCastEtsPlugin
import TrendCastForecastPlugin
import TrendCastIoPlugin
import TrendCastPlotPlugin
import TrendCastReshapePlugin
import TrendCastRulesPlugin
import TrendCastTablePlugin
import TrendCastTrendPlugin

/// The built-in plugins, in the order `help` lists them. This is the one explicit list: a
/// plugin under plugins/ that is missing here is caught by `BuiltinPluginsTests`.
public enum BuiltinPlugins {
  public static let all: [any Plugin] = [
    IoPlugin(),
    TablePlugin(),
    CleanPlugin(),
    ReshapePlugin(),
    ArimaPlugin(),
    EtsPlugin(),
    TrendPlugin(),
    BaselinePlugin(),
    DiagnosticsPlugin(),
    ForecastPlugin(),
    RulesPlugin(),
    PlotPlugin(),
  ]

  /// The registry of a session: the language's own commands, then every plugin.
  public static func registry() -> PluginRegistry {
    PluginRegistry(plugins: [LanguagePlugin()] + all)
  }
}
