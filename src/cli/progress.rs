//! A line on standard error saying what is being loaded, shown once loading has taken 0.2 s
//! (and only when standard error is a terminal): a thousand articles take a second to align,
//! and a silent terminal looks like a hung one.

use std::io::{IsTerminal, Write};
use std::sync::{Arc, Condvar, Mutex, PoisonError};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

/// Quicker than this, nothing is shown.
const QUIET: Duration = Duration::from_millis(200);
const TICK: Duration = Duration::from_millis(100);

/// Where the line goes: standard error, or a buffer in tests.
type Sink = Box<dyn Write + Send>;

struct State {
    what: String,
    shown: bool,
    done: bool,
    /// Inside the lock: the ticker and the warnings never write at once.
    sink: Sink,
    /// Every line said, for the reader to show once its screen hides them.
    said: Vec<String>,
}

/// Back to the start of the line, and the line erased.
const CLEAR: &str = "\r\x1b[2K";

impl State {
    /// Take the progress line off the screen, if it is on it.
    fn clear_line(&mut self) {
        if self.shown {
            let _ = write!(self.sink, "{CLEAR}");
            let _ = self.sink.flush();
            self.shown = false;
        }
    }
}

pub struct Progress {
    shared: Arc<(Mutex<State>, Condvar)>,
    ticker: Option<JoinHandle<()>>,
}

impl Progress {
    /// Start timing; the line appears after [`QUIET`] if there is a terminal to show it on,
    /// saying what the last [`Progress::stage`] named.
    pub fn start() -> Progress {
        let terminal = std::io::stderr().is_terminal();
        Progress::on(Box::new(std::io::stderr()), terminal.then_some(QUIET))
    }

    /// Write to `sink`, the progress line appearing after `quiet` (never when `None`).
    fn on(sink: Sink, quiet: Option<Duration>) -> Progress {
        let state = State {
            what: String::new(),
            shown: false,
            done: false,
            sink,
            said: Vec::new(),
        };
        let shared = Arc::new((Mutex::new(state), Condvar::new()));
        let ticker = quiet.map(|quiet| {
            let shared = Arc::clone(&shared);
            std::thread::spawn(move || tick(&shared, quiet))
        });
        Progress { shared, ticker }
    }

    /// What is being done now ("aligning 1000 articles").
    pub fn stage(&self, what: &str) {
        what.clone_into(&mut self.lock().what);
    }

    /// Print a line of its own (a warning): the progress line is cleared first and comes back
    /// on the next tick.
    pub fn say(&self, line: &str) {
        let mut state = self.lock();
        state.clear_line();
        let _ = writeln!(state.sink, "{line}");
        let _ = state.sink.flush();
        state.said.push(line.to_owned());
    }

    /// Every line [`Progress::say`] wrote, in order.
    pub fn said(&self) -> Vec<String> {
        self.lock().said.clone()
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, State> {
        self.shared.0.lock().unwrap_or_else(PoisonError::into_inner)
    }
}

impl Drop for Progress {
    /// The line goes away when loading ends, however it ends.
    fn drop(&mut self) {
        {
            let mut state = self.lock();
            state.done = true;
            state.clear_line();
        }
        self.shared.1.notify_all();
        if let Some(ticker) = self.ticker.take() {
            let _ = ticker.join();
        }
    }
}

fn tick(shared: &(Mutex<State>, Condvar), quiet: Duration) {
    let started = Instant::now();
    let (lock, wake) = shared;
    let mut state = lock.lock().unwrap_or_else(PoisonError::into_inner);
    let mut wait = quiet;
    // Loading may end before this thread first waits: a wake-up sent then is not waited for.
    while !state.done {
        state = wake
            .wait_timeout(state, wait)
            .unwrap_or_else(PoisonError::into_inner)
            .0;
        if state.done {
            return;
        }
        wait = TICK;
        let elapsed = started.elapsed();
        if elapsed < quiet {
            continue;
        }
        let State { what, sink, .. } = &mut *state;
        let _ = write!(
            sink,
            "{CLEAR}synoptic: {what}… {:.1} s",
            elapsed.as_secs_f64()
        );
        let _ = sink.flush();
        state.shown = true;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A buffer the progress writes to and the test reads.
    #[derive(Clone, Default)]
    struct Shared(Arc<Mutex<Vec<u8>>>);

    impl Write for Shared {
        fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
            self.0.lock().unwrap().extend_from_slice(buf);
            Ok(buf.len())
        }
        fn flush(&mut self) -> std::io::Result<()> {
            Ok(())
        }
    }

    impl Shared {
        fn text(&self) -> String {
            String::from_utf8(self.0.lock().unwrap().clone()).unwrap()
        }
    }

    /// Wait until what was written passes `test`, however busy the machine (30 s at most).
    fn wait_until(out: &Shared, what: &str, test: impl Fn(&str) -> bool) {
        let waited = Instant::now();
        while !test(&out.text()) {
            assert!(waited.elapsed() < Duration::from_secs(30), "{what}");
            std::thread::sleep(Duration::from_millis(10));
        }
    }

    /// What a terminal would show on its last line: what follows the last newline and the
    /// last line clear.
    fn last_line(text: &str) -> &str {
        let line = text.rsplit('\n').next().unwrap_or("");
        line.rsplit("\r\x1b[2K").next().unwrap_or("")
    }

    /// All a load written with `quiet` writes, from start to end, while `load` runs.
    fn written(quiet: Option<Duration>, load: impl FnOnce(&Progress)) -> String {
        let out = Shared::default();
        let progress = Progress::on(Box::new(out.clone()), quiet);
        load(&progress);
        drop(progress);
        out.text()
    }

    #[test]
    fn without_a_terminal_only_the_warnings_are_written() {
        let text = written(None, |progress| {
            progress.stage("reading the articles");
            progress.say("synoptic: warning: a.txt is empty");
        });
        assert_eq!(text, "synoptic: warning: a.txt is empty\n");
    }

    #[test]
    fn what_was_said_is_kept_for_the_reader_to_show() {
        let progress = Progress::on(Box::new(Shared::default()), None);
        progress.stage("reading the articles");
        progress.say("synoptic: warning: a.txt is empty");
        progress.say("synoptic: warning: b.txt is empty");
        assert_eq!(
            progress.said(),
            [
                "synoptic: warning: a.txt is empty",
                "synoptic: warning: b.txt is empty"
            ]
        );
    }

    #[test]
    fn a_quick_load_shows_no_line() {
        let text = written(Some(Duration::from_hours(1)), |progress| {
            progress.stage("aligning 5 articles");
        });
        assert_eq!(text, "");
    }

    #[test]
    fn a_slow_load_shows_its_stage_and_clears_it_for_warnings_and_at_the_end() {
        let out = Shared::default();
        let progress = Progress::on(Box::new(out.clone()), Some(Duration::ZERO));
        progress.stage("aligning 5 articles");
        // The ticker's first line comes after one tick.
        wait_until(&out, "no line shown", |text| {
            text.contains("aligning 5 articles")
        });
        let shown = out.text();
        assert!(
            shown.starts_with("\r\x1b[2Ksynoptic: aligning 5 articles… 0.")
                && shown.ends_with(" s"),
            "{shown:?}"
        );
        progress.say("synoptic: warning: b.txt is empty");
        assert!(
            out.text()
                .ends_with(" s\r\x1b[2Ksynoptic: warning: b.txt is empty\n"),
            "the line is cleared before the warning: {:?}",
            out.text()
        );
        // The line comes back on the next tick, and goes when loading ends.
        wait_until(&out, "no line after the warning", |text| {
            text.ends_with(" s")
        });
        drop(progress);
        assert_eq!(last_line(&out.text()), "", "{:?}", out.text());
    }
}
