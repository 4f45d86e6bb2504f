extension Chart {
  /// Horizontal bars in the order given, one row each: the label (cut with `…` when long),
  /// the bar, and the value (formatted compactly unless `valueLabels` says otherwise).
  /// Negative values draw leftwards from a zero column.
  public static func bar(labels: [String], values: [Double], valueLabels: [String]? = nil, title: String? = nil) -> Chart {
    Chart(title: title, layers: [.bars(Bars(labels: labels, values: values, valueLabels: valueLabels))])
  }
}
