//! Signals: an interrupted run leaves every target as it was.
//!
//! SIGINT (Ctrl-C), SIGTERM and SIGHUP would end the process where it stands, leaving the
//! temporary files of its outputs behind (`crate::output::atomic`). A thread of signal-hook
//! waits for them instead, removes the temporary files, and exits with the status a shell
//! gives a process killed by that signal (128 + its number: 130, 143, 129), so scripts see
//! the interruption as before.
//!
//! SIGXFSZ (a file grew past `ulimit -f`) would kill the process just as abruptly; once it is
//! caught here, the write that went too far fails with EFBIG instead and the run ends with an
//! ordinary I/O error, its temporary files removed.

/// Starts the thread that handles the signals, and returns once they are in its hands.
/// If the thread cannot start or the handlers cannot be set up, the run goes on with the
/// default behaviour: a signal then may leave a temporary file, which the next run writing
/// the same target removes.
#[cfg(unix)]
pub(crate) fn install() {
    use signal_hook::consts::{SIGHUP, SIGINT, SIGTERM, SIGXFSZ};
    let (ready_tx, ready_rx) = std::sync::mpsc::sync_channel::<()>(1);
    // The handlers are registered by the thread itself: if it cannot start, nothing was
    // registered and the defaults stay in force.
    let spawned = std::thread::Builder::new()
        .name("treem-signals".into())
        .spawn(move || {
            let registered =
                signal_hook::iterator::Signals::new([SIGINT, SIGTERM, SIGHUP, SIGXFSZ]);
            let _ = ready_tx.send(());
            let Ok(mut signals) = registered else { return };
            for signal in signals.forever() {
                if signal == SIGXFSZ {
                    // The write that passed the limit reports EFBIG; the run handles it.
                    continue;
                }
                crate::output::discard_and_exit(128 + signal);
            }
        });
    if spawned.is_ok() {
        // Wait until the handlers are in place, so that no output exists before they are.
        let _ = ready_rx.recv();
    }
}

/// Other systems keep their default behaviour.
#[cfg(not(unix))]
pub(crate) fn install() {}
