import Testing

@Test func TrendCastBuiltinsPlaceholder() {}
