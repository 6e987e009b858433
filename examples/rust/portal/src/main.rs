//! `treem-portal`: the HTTP service of a Sở GD&ĐT or LĐTBXH portal, in miniature. It
//! checks posted child and case records with treem, answers a report (422) for an invalid
//! one in the caller's language, stores the accepted ones in their canonical form in SQLite,
//! and answers the indicator table of what is stored. See README.md.
//!
//! This file is the edge: it reads the command line, the environment and the clock (today,
//! when no `--as-of` is given) and opens the socket. Every call into treem is in
//! [`rules`]; the routes are in [`http`].

mod args;
mod failure;
mod http;
mod lang;
mod rules;
mod store;

use std::io::Write as _;
use std::process::ExitCode;
use std::sync::Arc;

use chrono::{FixedOffset, NaiveDate, Offset as _, Utc};

fn main() -> ExitCode {
    // `args_os`: `args` would panic on an argument that is not Unicode.
    let given = std::env::args_os()
        .skip(1)
        .map(|a| a.to_string_lossy().into_owned());
    let args = match args::parse(given, |var| std::env::var(var).ok()) {
        Ok(Some(args)) => args,
        Ok(None) => {
            print!("{}", args::USAGE);
            return ExitCode::SUCCESS;
        }
        Err(message) => {
            eprintln!("treem-portal: {message}");
            return ExitCode::from(2);
        }
    };
    match serve(&args) {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("treem-portal: {message}");
            ExitCode::FAILURE
        }
    }
}

/// Today's date in Viet Nam, which keeps UTC+7 all year (no daylight saving).
fn today_in_viet_nam() -> NaiveDate {
    let offset = FixedOffset::east_opt(7 * 3600).unwrap_or_else(|| Utc.fix());
    Utc::now().with_timezone(&offset).date_naive()
}

#[tokio::main(flavor = "current_thread")]
async fn serve(args: &args::Args) -> Result<(), String> {
    let as_of = args.as_of.unwrap_or_else(today_in_viet_nam);
    let store = store::Store::open(&args.db)
        .map_err(|e| format!("cannot open the database {}: {e}", args.db.display()))?;
    let app = Arc::new(http::App {
        rules: rules::Rules::new(as_of, args.suppression_threshold),
        store,
    });
    let listener = tokio::net::TcpListener::bind(("127.0.0.1", args.port))
        .await
        .map_err(|e| format!("cannot listen on 127.0.0.1:{}: {e}", args.port))?;
    let address = listener
        .local_addr()
        .map_err(|e| format!("no local address: {e}"))?;
    // The first line of stdout is the address, for whoever started the service.
    println!("http://{address}");
    let _ = std::io::stdout().flush();
    eprintln!(
        "treem-portal: rules judged at {as_of}; database {}",
        args.db.display()
    );
    axum::serve(listener, http::router(app))
        .with_graceful_shutdown(stopped())
        .await
        .map_err(|e| format!("server stopped: {e}"))
}

/// Resolves on Ctrl-C or SIGTERM: requests in flight finish, then the service exits.
async fn stopped() {
    let interrupt = tokio::signal::ctrl_c();
    #[cfg(unix)]
    {
        let mut terminate =
            match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
                Ok(signal) => signal,
                Err(_) => {
                    let _ = interrupt.await;
                    return;
                }
            };
        tokio::select! {
            _ = interrupt => {}
            _ = terminate.recv() => {}
        }
    }
    #[cfg(not(unix))]
    {
        let _ = interrupt.await;
    }
}
