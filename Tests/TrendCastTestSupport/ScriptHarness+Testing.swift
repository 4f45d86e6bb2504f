import Testing

extension ScriptHarness {
  /// The formatted error of a script that must fail while running (exit code 4: bad data, a
  /// file that cannot be read), or an issue when it succeeds or fails otherwise.
  public func runtimeFailure(_ source: String, sourceLocation: SourceLocation = #_sourceLocation) -> String {
    do {
      let output = try run(source)
      Issue.record("expected the script to fail, but it printed:\n\(output)", sourceLocation: sourceLocation)
      return ""
    } catch {
      if case .failed = error { return error.description }
      Issue.record("expected a failure while running, got: \(error.description)", sourceLocation: sourceLocation)
      return error.description
    }
  }
}
