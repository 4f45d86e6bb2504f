import Testing

@Test func TrendCastSyntaxPlaceholder() {}
