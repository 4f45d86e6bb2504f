import Testing

@Test func reshapePlaceholder() {}
