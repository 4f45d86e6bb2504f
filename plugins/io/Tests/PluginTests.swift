import Testing

@Test func ioPlaceholder() {}
