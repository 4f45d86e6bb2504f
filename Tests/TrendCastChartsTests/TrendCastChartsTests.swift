import Testing

@Test func TrendCastChartsPlaceholder() {}
