import Testing

@Test func TrendCastValuesPlaceholder() {}
