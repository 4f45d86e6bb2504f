import Testing

@Test func TrendCastNumericsPlaceholder() {}
