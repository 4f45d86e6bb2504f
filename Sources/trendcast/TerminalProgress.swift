import Foundation
import Synchronization
import TrendCastPlugin

/// A progress bar on stderr for long commands in a terminal: `fit arima ████░░░░ 12/40`.
/// It draws at most ten times a second and clears itself when done.
final class TerminalProgress: ProgressReporter {
  private struct State {
    var label = ""
    var total = 0
    var done = 0
    var lastDraw = 0.0
    var drawn = false
  }
  private let state = Mutex(State())

  func start(_ label: String, total: Int) {
    state.withLock { $0 = State(label: label, total: total) }
  }

  func advance(by steps: Int) {
    state.withLock { state in
      state.done += steps
      let now = Date().timeIntervalSince1970
      guard state.total > 1, now - state.lastDraw > 0.1 || state.done == state.total else { return }
      state.lastDraw = now
      state.drawn = true
      let width = 30
      let filled = state.total > 0 ? width * state.done / state.total : 0
      let bar = String(repeating: "█", count: filled) + String(repeating: "░", count: width - filled)
      FileHandle.standardError.write(Data("\r\(state.label) \(bar) \(state.done)/\(state.total)".utf8))
    }
  }

  func finish() {
    state.withLock { state in
      if state.drawn { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
      state = State()
    }
  }
}
