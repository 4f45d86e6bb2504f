import Testing

@Test func tablePlaceholder() {}
