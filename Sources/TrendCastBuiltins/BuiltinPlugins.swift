import TrendCastGraph
import TrendCastPlugin
import TrendCastArimaPlugin
import TrendCastForecastPlugin
import TrendCastIoPlugin
import TrendCastTablePlugin

/// The built-in plugins, in the order `help` lists them. This is the one explicit list: a
/// plugin under plugins/ that is missing here is caught by `BuiltinPluginsTests`.
public enum BuiltinPlugins {
  public static let all: [any Plugin] = [
    IoPlugin(),
    TablePlugin(),
    ForecastPlugin(),
    ArimaPlugin(),
  ]

  /// The registry of a session: the language's own commands, then every plugin.
  public static func registry() -> PluginRegistry {
    PluginRegistry(plugins: [LanguagePlugin()] + all)
  }
}
