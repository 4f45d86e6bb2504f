import Testing

@Test func forecastPlaceholder() {}
