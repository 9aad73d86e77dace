//! Carrying out what `update` asked for that needs no terminal: exports started on a thread,
//! corrections written to the topics file, topics aligned again. The event loop calls this
//! for every request, and tests call it to play the loop's part.

use std::sync::Arc;

use synoptic_core::alignment::align::realign;
use synoptic_core::alignment::measure::AlignOptions;

use crate::tui::effects::Request;
use crate::tui::effects::corrections_file::save_corrections;
use crate::tui::effects::export::{free_export_path, start_export};
use crate::tui::state::app::App;

/// Carry out `request` on `app`, or hand it back when it needs the terminal (clipboard, pager).
pub fn carry_out_offscreen(app: &mut App, request: Request) -> Option<Request> {
    match request {
        Request::Export { topic, dir } => {
            let path = free_export_path(&dir, topic.as_deref());
            let done = start_export(Arc::clone(&app.synopsis), topic, path.clone());
            app.export_started(&path, done);
        }
        Request::SaveTopics {
            path,
            defs,
            corrections,
        } => {
            let outcome = save_corrections(&path, &defs, &corrections);
            app.saved(&path, corrections, outcome);
        }
        Request::Realign { stay_on, corrected } => {
            let topics = realign(
                &app.synopsis.articles,
                &app.topics.defs,
                &app.first_topics,
                AlignOptions::default(),
            );
            app.realigned(topics, &stay_on, &corrected);
        }
        on_screen @ (Request::Copy(_) | Request::Pager(_)) => return Some(on_screen),
    }
    None
}

/// Carry out every request `app` holds that needs no terminal, in order; those that do are
/// returned, in order.
pub fn carry_out_all_offscreen(app: &mut App) -> Vec<Request> {
    let mut left = Vec::new();
    // A request carried out may ask for more (a realignment, then a save): until none is left.
    while !app.requests.is_empty() {
        let batch = std::mem::take(&mut app.requests);
        left.extend(
            batch
                .into_iter()
                .filter_map(|request| carry_out_offscreen(app, request)),
        );
    }
    left
}
