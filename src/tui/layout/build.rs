//! Laying the panes out: columns (each pane from its top), synopsis rows, the full article, or
//! the paragraphs no topic claims.

use crate::tui::layout::cache::Caches;
use crate::tui::layout::panes::{full_pane, topic_pane, unclaimed_pane};
use crate::tui::layout::rows::row_panes;
use crate::tui::layout::view::{Ctx, Shape, View};
use synoptic_core::compare::synopsis::Synopsis;

/// Lay out the panes of `shape`, from the spans and marks `caches` holds for them.
pub fn build_view(shape: &Shape, synopsis: &Synopsis, caches: &Caches) -> View {
    if synopsis.topics.is_empty() && !shape.full_article {
        return View { panes: vec![] };
    }
    let app = Ctx {
        shape,
        synopsis,
        caches,
    };
    if shape.in_rows() {
        return View {
            panes: row_panes(&app),
        };
    }
    let panes = shape
        .articles
        .iter()
        .map(|&a| {
            if shape.full_article {
                full_pane(&app, a, shape.inner_width)
            } else if shape.unclaimed {
                unclaimed_pane(&app, a, shape.inner_width)
            } else {
                topic_pane(&app, a, shape.inner_width)
            }
        })
        .collect();
    View { panes }
}
