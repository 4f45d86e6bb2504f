import Testing

@Test func EndToEndPlaceholder() {}
