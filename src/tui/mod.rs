//! The reader: a terminal UI over a [`Synopsis`]. `App` holds the state, keys become
//! `Action`s through the keymap, `App::update` applies them, `render` draws `&App`.

pub mod action;
pub mod app;
pub mod config;
pub mod help;
pub mod keymap;
pub mod render;
pub mod search;
pub mod status;
pub mod theme;
pub mod view;

use std::io::{self, IsTerminal};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc;
use std::time::Duration;

use anyhow::{Context as _, Result};
use ratatui::DefaultTerminal;
use ratatui::crossterm::event::{
    self, DisableMouseCapture, EnableMouseCapture, Event, KeyEventKind, MouseEventKind,
};
use ratatui::crossterm::execute;

use crate::cli::{Input, use_color};
use crate::core::synopsis::Synopsis;
use action::Action;
use app::App;

/// Run the reader until the user quits. The terminal is restored on quit, on error, on panic,
/// and on SIGTERM or SIGHUP.
pub fn run(synopsis: Synopsis, input: &Input) -> Result<()> {
    if !io::stdout().is_terminal() {
        anyhow::bail!(crate::cli::UsageError(
            "standard output is not a terminal; use `synoptic export` to write the aligned view to a pipe or file".into()
        ));
    }
    let config = config::load_config(input.config.as_deref())?;
    let color = use_color(input.color, true);
    let stop = Arc::new(AtomicBool::new(false));
    #[cfg(unix)]
    for signal in [signal_hook::consts::SIGTERM, signal_hook::consts::SIGHUP] {
        signal_hook::flag::register(signal, Arc::clone(&stop))
            .context("cannot watch for termination signals")?;
    }
    let mut terminal = ratatui::try_init().context("cannot set up the terminal")?;
    let _ = execute!(io::stdout(), EnableMouseCapture);
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        let _ = execute!(io::stdout(), DisableMouseCapture);
        previous(info);
    }));
    let result = event_loop(&mut terminal, synopsis, color, &config, &stop);
    let _ = execute!(io::stdout(), DisableMouseCapture);
    ratatui::restore();
    result
}

fn event_loop(
    terminal: &mut DefaultTerminal,
    synopsis: Synopsis,
    color: bool,
    config: &config::Config,
    stop: &AtomicBool,
) -> Result<()> {
    let size = terminal.size()?;
    let mut app = App::with_config(synopsis, (size.width, size.height), color, config);
    let events = spawn_event_reader();
    let mut dirty = true;
    while !app.quit && !stop.load(Ordering::Relaxed) {
        if dirty {
            terminal.draw(|frame| render::render(&app, frame))?;
            dirty = false;
        }
        match events.recv_timeout(Duration::from_millis(250)) {
            Ok(Ok(event)) => {
                if let Some(action) = to_action(&app, event) {
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
pub fn to_action(app: &App, event: Event) -> Option<Action> {
    match event {
        Event::Key(key) if key.kind != KeyEventKind::Release => {
            app.keymap.lookup(app.context(), key)
        }
        Event::Resize(w, h) => Some(Action::Resize(w, h)),
        Event::Mouse(m) => match m.kind {
            MouseEventKind::ScrollDown => Some(Action::Wheel(m.column, 3)),
            MouseEventKind::ScrollUp => Some(Action::Wheel(m.column, -3)),
            _ => None,
        },
        _ => None,
    }
}
