//! The reader: a terminal UI over a [`Synopsis`]. `App` holds the state, keys become
//! `Action`s through the keymap, `App::update` applies them, `render` draws `&App`.

pub mod action;
pub mod app;
pub mod cache;
pub mod config;
pub mod geometry;
pub mod help;
pub mod keymap;
pub mod mode;
pub mod render;
pub mod search;
pub mod status;
pub mod theme;
pub mod view;

use std::io;
use std::path::Path;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use anyhow::{Context as _, Result};
use ratatui::crossterm::event::{
    self, DisableMouseCapture, EnableMouseCapture, Event, KeyEventKind, MouseEventKind,
};
use ratatui::crossterm::execute;
use ratatui::crossterm::terminal::EnterAlternateScreen;
use ratatui::layout::Rect;
use ratatui::{DefaultTerminal, TerminalOptions, Viewport};

use crate::core::synopsis::Synopsis;
use action::Action;
use app::App;

/// The largest screen the reader lays out: a bigger terminal shows it in its top-left corner
/// rather than allocating gigabytes for cells nobody can read.
pub const MAX_SCREEN: (u16, u16) = (1000, 500);

/// A terminal size bounded by `MAX_SCREEN`.
pub fn bounded(width: u16, height: u16) -> (u16, u16) {
    (width.min(MAX_SCREEN.0), height.min(MAX_SCREEN.1))
}

/// Held while a frame is drawn, so that a signal never restores the terminal halfway through
/// one (and the frame's tail never lands on the restored screen).
static DRAWING: Mutex<()> = Mutex::new(());

/// Signals the reader watches. SIGTERM, SIGHUP, SIGINT and SIGQUIT end it from a thread of
/// their own, whatever the main thread is computing: the terminal is restored and unfinished
/// exports removed at once. SIGTSTP is a flag the event loop reads.
struct Signals {
    /// SIGTSTP: give the terminal back, stop, and take it again on `fg`.
    suspend: Arc<AtomicBool>,
}

impl Signals {
    fn watch() -> Result<Signals> {
        use signal_hook::consts::{SIGHUP, SIGINT, SIGQUIT, SIGTERM, SIGTSTP};
        let mut ending = signal_hook::iterator::Signals::new([SIGTERM, SIGHUP, SIGINT, SIGQUIT])
            .context("cannot watch for termination signals")?;
        std::thread::spawn(move || {
            if let Some(signal) = ending.forever().next() {
                let _drawing = DRAWING.lock();
                crate::files::remove_temporaries();
                leave_screen();
                std::process::exit(128 + signal);
            }
        });
        let signals = Signals {
            suspend: Arc::default(),
        };
        signal_hook::flag::register(SIGTSTP, Arc::clone(&signals.suspend))
            .context("cannot watch for the suspend signal")?;
        Ok(signals)
    }
}

/// Take the terminal: raw mode, the alternate screen, mouse capture.
fn enter_screen() -> io::Result<()> {
    ratatui::crossterm::terminal::enable_raw_mode()?;
    execute!(io::stdout(), EnterAlternateScreen, EnableMouseCapture)
}

/// Give the terminal back as it was, cursor included (drawing hides it).
fn leave_screen() {
    let _ = execute!(
        io::stdout(),
        DisableMouseCapture,
        ratatui::crossterm::cursor::Show
    );
    ratatui::restore();
}

/// Run the reader until the user quits. The terminal is restored on quit, on error, on panic,
/// and on SIGTERM, SIGHUP, SIGINT or SIGQUIT; SIGTSTP suspends it cleanly.
/// `config`: the configuration file to read (else the user's, else the defaults); `color`:
/// whether to paint. The caller checks that standard output is a terminal.
pub fn run(synopsis: Synopsis, config: Option<&Path>, color: bool) -> Result<()> {
    let config = config::load_config(config)?;
    let signals = Signals::watch()?;
    let (w, h) = ratatui::crossterm::terminal::size().context("cannot read the terminal size")?;
    let (w, h) = bounded(w, h);
    let options = TerminalOptions {
        viewport: Viewport::Fixed(Rect::new(0, 0, w, h)),
    };
    let mut terminal =
        ratatui::try_init_with_options(options).context("cannot set up the terminal")?;
    enter_screen().context("cannot set up the terminal")?;
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        let _ = execute!(io::stdout(), DisableMouseCapture);
        previous(info);
    }));
    let result = event_loop(&mut terminal, synopsis, color, &config, &signals);
    leave_screen();
    result
}

fn event_loop(
    terminal: &mut DefaultTerminal,
    synopsis: Synopsis,
    color: bool,
    config: &config::Config,
    signals: &Signals,
) -> Result<()> {
    let size = terminal.get_frame().area();
    let mut app = App::with_config(synopsis, (size.width, size.height), color, config);
    let events = spawn_event_reader();
    let mut dirty = true;
    while !app.quit {
        if app.poll_background() {
            dirty = true;
        }
        if signals.suspend.swap(false, Ordering::Relaxed) {
            suspend(terminal)?;
            dirty = true;
        }
        if dirty {
            let _drawing = DRAWING.lock();
            terminal.draw(|frame| render::render(&app, frame))?;
            dirty = false;
        }
        // Wake often enough to see signals, and a finished export, at once.
        let wait = if app.is_exporting() { 50 } else { 250 };
        match events.recv_timeout(Duration::from_millis(wait)) {
            Ok(Ok(event)) => {
                if let Some(action) = to_action(&app, &event) {
                    if let Action::Resize(w, h) = action {
                        terminal.resize(Rect::new(0, 0, w, h))?;
                    }
                    app.update(action);
                    dirty = true;
                }
            }
            Ok(Err(e)) => return Err(e).context("cannot read from the terminal"),
            Err(mpsc::RecvTimeoutError::Timeout) => {}
            Err(mpsc::RecvTimeoutError::Disconnected) => break,
        }
    }
    Ok(())
}

/// Give the terminal back, stop the process as SIGTSTP would have, and take the terminal again
/// with a clean screen when the shell continues it.
fn suspend(terminal: &mut DefaultTerminal) -> Result<()> {
    leave_screen();
    signal_hook::low_level::raise(signal_hook::consts::SIGSTOP)
        .context("cannot suspend the reader")?;
    enter_screen().context("cannot take the terminal back")?;
    // Clears the screen and forgets what was drawn, so the next frame is drawn whole; unlike
    // `clear`, it asks the terminal nothing (some never answer a cursor query).
    let area = terminal.get_frame().area();
    terminal.resize(area)?;
    Ok(())
}

/// Read terminal events on their own thread. When the terminal goes away, crossterm may keep
/// reading end-of-file without returning; the main loop must still see SIGTERM and SIGHUP.
fn spawn_event_reader() -> mpsc::Receiver<io::Result<Event>> {
    let (tx, rx) = mpsc::channel();
    std::thread::spawn(move || {
        loop {
            let event = event::read();
            let failed = event.is_err();
            if tx.send(event).is_err() || failed {
                break;
            }
        }
    });
    rx
}

/// Translate a terminal event into an action, through the keymap for keys.
pub fn to_action(app: &App, event: &Event) -> Option<Action> {
    match *event {
        Event::Key(key) if key.kind != KeyEventKind::Release => {
            app.keymap.lookup(app.context(), key)
        }
        Event::Resize(w, h) => {
            let (w, h) = bounded(w, h);
            Some(Action::Resize(w, h))
        }
        Event::Mouse(m) => match m.kind {
            MouseEventKind::ScrollDown => Some(Action::Wheel(m.column, 3)),
            MouseEventKind::ScrollUp => Some(Action::Wheel(m.column, -3)),
            _ => None,
        },
        _ => None,
    }
}
