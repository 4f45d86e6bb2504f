import Testing

@Test func TrendCastGraphPlaceholder() {}
