import Testing

@Test func etsPlaceholder() {}
