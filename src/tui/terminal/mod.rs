//! The event loop and the real terminal: raw mode, signals, events read on a thread, frames
//! drawn when something changed, and the requests of `update` carried out.

pub mod requests;

use std::io::{self, Write};
use std::path::Path;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use anyhow::{Context as _, Result};
use ratatui::crossterm::event::{
    self, DisableBracketedPaste, DisableMouseCapture, EnableBracketedPaste, EnableMouseCapture,
    Event, KeyEventKind, MouseButton, MouseEventKind,
};
use ratatui::crossterm::execute;
use ratatui::crossterm::terminal::EnterAlternateScreen;
use ratatui::layout::{Rect, Size};
use ratatui::{DefaultTerminal, TerminalOptions, Viewport};

use synoptic_core::compare::synopsis::Synopsis;

use crate::tui::config;
use crate::tui::effects::Request;
use crate::tui::effects::corrections_file as corrections;
use crate::tui::effects::outside;
use crate::tui::keys::action::Action;
use crate::tui::state::app::App;
use crate::tui::terminal::requests::carry_out_all_offscreen;
use crate::tui::widgets::render;

/// The largest screen the reader lays out: a bigger terminal shows it in its top-left corner
/// rather than allocating gigabytes for cells nobody can read.
const MAX_SCREEN: Size = Size {
    width: 1000,
    height: 500,
};

/// A terminal size bounded by `MAX_SCREEN`.
fn bounded(width: u16, height: u16) -> Size {
    Size {
        width: width.min(MAX_SCREEN.width),
        height: height.min(MAX_SCREEN.height),
    }
}

/// Held while a frame is drawn, so that a signal never restores the terminal halfway through
/// one (and the frame's tail never lands on the restored screen).
static DRAWING: Mutex<()> = Mutex::new(());

/// Set while a pager runs in the foreground: Ctrl-C and Ctrl-\\ are then the pager's, and must
/// not end the reader waiting behind it.
static IN_CHILD: AtomicBool = AtomicBool::new(false);

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
            for signal in ending.forever() {
                if IN_CHILD.load(Ordering::SeqCst) && [SIGINT, SIGQUIT].contains(&signal) {
                    continue;
                }
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

/// Take the terminal: raw mode (with Ctrl-C, Ctrl-\\ and Ctrl-Z still signals), the alternate
/// screen, bracketed paste, mouse capture when `mouse`.
fn enter_screen(mouse: bool) -> io::Result<()> {
    ratatui::crossterm::terminal::enable_raw_mode()?;
    keep_signal_keys()?;
    execute!(io::stdout(), EnterAlternateScreen, EnableBracketedPaste)?;
    set_mouse(mouse)
}

/// Raw mode turns Ctrl-C into a key, read through the same parser as everything else; a paste
/// whose end never comes (a cut connection, a hostile program) would swallow it with every key
/// after it. As a signal it always reaches the reader, which restores the terminal and ends.
fn keep_signal_keys() -> io::Result<()> {
    use std::os::fd::AsRawFd;
    let tty = std::fs::File::options()
        .read(true)
        .write(true)
        .open("/dev/tty")?;
    let fd = tty.as_raw_fd();
    // SAFETY: `termios` is plain data that tcgetattr fills; `fd` is open for this whole block.
    unsafe {
        let mut mode: libc::termios = std::mem::zeroed();
        if libc::tcgetattr(fd, &raw mut mode) != 0 {
            return Err(io::Error::last_os_error());
        }
        mode.c_lflag |= libc::ISIG;
        if libc::tcsetattr(fd, libc::TCSANOW, &raw const mode) != 0 {
            return Err(io::Error::last_os_error());
        }
    }
    Ok(())
}

fn set_mouse(on: bool) -> io::Result<()> {
    if on {
        execute!(io::stdout(), EnableMouseCapture)
    } else {
        execute!(io::stdout(), DisableMouseCapture)
    }
}

/// Give the terminal back as it was, cursor included (drawing hides it).
fn leave_screen() {
    let _ = execute!(
        io::stdout(),
        DisableMouseCapture,
        DisableBracketedPaste,
        ratatui::crossterm::cursor::Show
    );
    ratatui::restore();
}

/// Run the reader until the user quits. The terminal is restored on quit, on error, on panic,
/// and on SIGTERM, SIGHUP, SIGINT or SIGQUIT; SIGTSTP suspends it cleanly.
/// `config`: the configuration file to read (else the user's, else the defaults); `color`:
/// whether to paint. The caller checks that standard output is a terminal.
/// `warnings`: what loading wrote on the terminal, which the reader's screen hides; shown
/// until the first key.
pub fn run(
    (synopsis, topics, warnings): (Synopsis, corrections::TopicsOrigin, &[String]),
    config: Option<&Path>,
    color: bool,
) -> Result<()> {
    let config = config::load_config(config)?;
    let signals = Signals::watch()?;
    let (w, h) = ratatui::crossterm::terminal::size().context("cannot read the terminal size")?;
    let Size {
        width: w,
        height: h,
    } = bounded(w, h);
    let options = TerminalOptions {
        viewport: Viewport::Fixed(Rect::new(0, 0, w, h)),
    };
    let mut terminal =
        ratatui::try_init_with_options(options).context("cannot set up the terminal")?;
    enter_screen(true).context("cannot set up the terminal")?;
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        let _ = execute!(io::stdout(), DisableMouseCapture);
        previous(info);
    }));
    let loaded = (synopsis, topics, warnings);
    let result = event_loop(&mut terminal, loaded, color, &config, &signals);
    leave_screen();
    result
}

fn event_loop(
    terminal: &mut DefaultTerminal,
    (synopsis, topics, warnings): (Synopsis, corrections::TopicsOrigin, &[String]),
    color: bool,
    config: &config::Config,
    signals: &Signals,
) -> Result<()> {
    let size = terminal.get_frame().area();
    let mut app = App::with_config(synopsis, (size.width, size.height), color, config);
    app.topics = topics;
    app.status = crate::tui::widgets::status::loading_note(warnings);
    let events = spawn_event_reader();
    let mut dirty = true;
    let mut mouse = true;
    while !app.quit {
        if app.poll_background() {
            dirty = true;
        }
        if signals.suspend.swap(false, Ordering::Relaxed) {
            suspend(terminal, app.mouse)?;
            dirty = true;
        }
        if !app.requests.is_empty() {
            carry_out(terminal, &mut app)?;
            dirty = true;
        }
        if app.mouse != mouse {
            set_mouse(app.mouse).context("cannot change mouse capture")?;
            mouse = app.mouse;
        }
        if dirty {
            let _drawing = DRAWING.lock();
            terminal.draw(|frame| render::render(&app, frame))?;
            dirty = false;
        }
        // Wake often enough to see signals, and a finished export, at once.
        let wait = if app.is_exporting() { 50 } else { 250 };
        let first = match events.recv_timeout(Duration::from_millis(wait)) {
            Ok(event) => event,
            Err(mpsc::RecvTimeoutError::Timeout) => continue,
            Err(mpsc::RecvTimeoutError::Disconnected) => break,
        };
        // Every event already queued is applied before the next frame: keys typed or pasted
        // faster than frames are drawn never wait behind a redraw each.
        for event in std::iter::once(first).chain(events.try_iter()) {
            let event = event.context("cannot read from the terminal")?;
            dirty |= apply_event(terminal, &mut app, &event)?;
            if app.quit || !app.requests.is_empty() {
                break;
            }
        }
    }
    Ok(())
}

/// Apply one terminal event to the reader; whether the screen must be drawn again.
fn apply_event(terminal: &mut DefaultTerminal, app: &mut App, event: &Event) -> Result<bool> {
    if let Event::Paste(text) = event {
        app.paste(text);
        return Ok(true);
    }
    let Some(action) = to_action(app, event) else {
        return Ok(false);
    };
    if let Action::Resize(w, h) = action {
        terminal.resize(Rect::new(0, 0, w, h))?;
    }
    app.update(action);
    Ok(true)
}

/// Give the terminal back, stop the process as SIGTSTP would have, and take the terminal again
/// with a clean screen when the shell continues it.
fn suspend(terminal: &mut DefaultTerminal, mouse: bool) -> Result<()> {
    leave_screen();
    signal_hook::low_level::raise(signal_hook::consts::SIGSTOP)
        .context("cannot suspend the reader")?;
    take_back(terminal, mouse)
}

/// Take the terminal again after giving it away, with a clean screen.
fn take_back(terminal: &mut DefaultTerminal, mouse: bool) -> Result<()> {
    enter_screen(mouse).context("cannot take the terminal back")?;
    // Clears the screen and forgets what was drawn, so the next frame is drawn whole; unlike
    // `clear`, it asks the terminal nothing (some never answer a cursor query).
    let area = terminal.get_frame().area();
    terminal.resize(area)?;
    Ok(())
}

/// Do what `update` asked beyond the screen: put text on the clipboard, or hand the terminal
/// to the pager and take it back; everything else is `requests`' to carry out.
fn carry_out(terminal: &mut DefaultTerminal, app: &mut App) -> Result<()> {
    for request in carry_out_all_offscreen(app) {
        match request {
            Request::Copy(text) => {
                let _drawing = DRAWING.lock();
                let mut out = io::stdout();
                out.write_all(outside::osc52(&text).as_bytes())
                    .and_then(|()| out.flush())
                    .context("cannot write to the terminal")?;
            }
            Request::Pager(text) => {
                let command = outside::pager_command();
                leave_screen();
                IN_CHILD.store(true, Ordering::SeqCst);
                let ran = outside::run_pager(&command, &text);
                IN_CHILD.store(false, Ordering::SeqCst);
                take_back(terminal, app.mouse)?;
                app.status = Some(match ran {
                    Ok(status) if status.success() => format!("back from {command}"),
                    Ok(status) => format!("{command} ended with {status}"),
                    Err(e) => format!("cannot run the pager {command:?}: {e}; set $PAGER"),
                });
            }
            // carry_out_all_offscreen has done the rest.
            _ => {}
        }
    }
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
            let size = bounded(w, h);
            Some(Action::Resize(size.width, size.height))
        }
        Event::Mouse(m) => match m.kind {
            MouseEventKind::ScrollDown => Some(Action::Wheel(m.column, 3)),
            MouseEventKind::ScrollUp => Some(Action::Wheel(m.column, -3)),
            MouseEventKind::Down(MouseButton::Left) => Some(Action::Click(m.column, m.row)),
            _ => None,
        },
        _ => None,
    }
}
