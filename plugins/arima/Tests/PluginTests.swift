import Testing

@Test func arimaPlaceholder() {}
