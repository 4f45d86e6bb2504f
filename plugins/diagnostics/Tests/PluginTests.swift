import Testing

@Test func diagnosticsPlaceholder() {}
