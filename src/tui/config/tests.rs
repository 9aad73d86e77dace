//! The configuration file: defaults, every setting, and messages that point at the line.

use super::*;

#[test]
fn the_shipped_defaults_parse_to_the_built_in_defaults() {
    assert_eq!(
        parse_config("assets/config.toml", DEFAULT_CONFIG).unwrap(),
        Config::default()
    );
}

#[test]
fn a_config_round_trips() {
    let text = "[reader]\nmode = \"pairwise\"\nmin_pane_width = 40\n[colors]\nshared_all = \"#00ff88\"\n[keys]\nnext_topic = [\"Ctrl-n\", \"x\"]\n";
    let config = parse_config("c.toml", text).unwrap();
    assert_eq!(config.mode, Mode::Pairwise);
    assert_eq!(config.theme.shared_all, Color::Rgb(0, 0xff, 0x88));
    assert_eq!(
        parse_config("again.toml", &config.to_toml()).unwrap(),
        config
    );
}

#[test]
fn mistakes_name_the_line_and_what_is_known() {
    let cases = [
        ("[reader]\nmood = \"plain\"\n", 2, "mood"),
        (
            "[colors]\nshared = \"red\"\n",
            2,
            "unknown colour \"shared\"",
        ),
        (
            "[colors]\nsame = \"rouge\"\n",
            2,
            "not a colour; write a name (black, red",
        ),
        (
            "[keys]\nnext = [\"n\"]\n",
            2,
            "unknown action \"next\"; known: next_topic",
        ),
        ("[keys]\nquit = [\"n\"]\n", 2, "bound to both"),
        (
            "[keys]\nnext_topic = [\"p\"]\nprev_topic = [\"n\"]\n",
            0,
            "",
        ),
        ("[reader]\nmode = \"diff\"\n", 2, "not one of"),
    ];
    for (text, line, message) in cases {
        if line == 0 {
            assert!(
                parse_config("c.toml", text).is_ok(),
                "swapping keys is allowed: {text}"
            );
            continue;
        }
        let err = parse_config("c.toml", text).unwrap_err();
        assert_eq!(err.line, line, "{text}: {err}");
        assert!(err.message.contains(message), "{text}: {err}");
    }
}

#[test]
fn every_colour_name_offered_in_messages_is_accepted() {
    for name in COLOR_NAMES {
        assert!(name.parse::<Color>().is_ok(), "{name}");
    }
}

#[test]
fn a_configuration_that_leaves_no_way_out_is_refused() {
    for (text, what) in [
        ("[keys]\nquit = []\n", "quit needs at least one key"),
        ("[keys]\nback = []\n", "back needs at least one key"),
    ] {
        let err = parse_config("c.toml", text).unwrap_err();
        assert_eq!(err.line, 2, "{err}");
        assert!(err.message.contains(what), "{err}");
    }
    assert!(parse_config("c.toml", "[keys]\nquit = [\"x\"]\n").is_ok());
}

#[test]
fn the_shipped_file_gives_every_configurable_action_its_keys_in_its_own_order() {
    let shipped = Config::default();
    for action in Action::configurable() {
        assert!(
            shipped.keymap.first_key(Context::Reader, action).is_some(),
            "assets/config.toml gives {:?} no key",
            action.config_name()
        );
    }
    let in_file: Vec<&str> = DEFAULT_CONFIG
        .lines()
        .skip_while(|l| *l != "[keys]")
        .filter(|l| !l.starts_with('#'))
        .filter_map(|l| l.split_once(" = ").map(|(name, _)| name))
        .collect();
    let in_help: Vec<&str> = shipped
        .keymap
        .help_rows(Context::Reader)
        .iter()
        .filter_map(|row| {
            Action::configurable()
                .find(|a| a.describe() == row.what)
                .and_then(Action::config_name)
        })
        .collect();
    assert_eq!(in_help, in_file);
}
