import Testing

@Test func cleanPlaceholder() {}
