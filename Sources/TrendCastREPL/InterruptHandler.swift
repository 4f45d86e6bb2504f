import TrendCastPlugin

#if canImport(Glibc)
import Glibc
#endif

/// The flag Ctrl-C sets. A signal handler can reach only globals; this one is a constant
/// holding a `Sendable` class whose state is a lock-free atomic, so setting it is safe inside
/// the handler.
let interruptFlag = CancellationFlag()

/// Ctrl-C in the REPL: SIGINT sets `interruptFlag`, which running commands poll
/// (`RunContext.checkCancellation`), and it interrupts a read in progress, which the line
/// reader reports as an abandoned line. It never ends the process.
enum InterruptHandler {
  /// Installs the handler. Reads are not restarted after it runs (no SA_RESTART), so a read
  /// waiting for a key returns EINTR; libedit, which installs its own handler while it reads,
  /// passes the signal on to this one.
  static func install() {
    // Touch the global before the handler can run: its lazy initialisation is not signal-safe.
    interruptFlag.reset()
    var action = sigaction()
    action.__sigaction_handler.sa_handler = { _ in interruptFlag.cancel() }
    sigemptyset(&action.sa_mask)
    action.sa_flags = 0
    sigaction(SIGINT, &action, nil)
  }
}
