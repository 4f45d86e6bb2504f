import Testing

@Test func TrendCastPluginPlaceholder() {}
