//! Prints the TypeScript declarations of the npm package (see `treem_wasm::typescript`):
//! `cargo run -q -p treem-wasm --bin treem-wasm-types > bindings/wasm/types/treem.d.ts`

fn main() {
    print!("{}", treem_wasm::typescript::declarations());
}
