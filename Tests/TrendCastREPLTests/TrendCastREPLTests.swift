import Testing

@Test func TrendCastREPLPlaceholder() {}
