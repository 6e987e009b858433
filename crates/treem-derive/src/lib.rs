//! The readers of treem's drafts and data types, generated from their definitions.
//!
//! Each type says how it is read in one place, its own `#[serde(...)]` attributes (the ones
//! its derived `Serialize` and `JsonSchema` already follow): member names (`rename`, and
//! `r#type` read as `type`), defaults (`default`, an `Option` member), unknown members kept
//! (`flatten` on the draft's `unknown` map) or refused (`deny_unknown_fields`), a member's
//! own reader (`deserialize_with`), variant names (`rename_all = "snake_case"`, `rename`).
//! No name is written twice. The generated code calls treem's `crate::json` helpers, so the
//! derives are for treem's own types only.
//!
//! - `#[derive(Draft)]` on a lenient draft (every member a `Field`): `ReadText` (straight from
//!   JSON text with treem's own reader, `crate::json::text`), `FromValue` (from a parsed
//!   `serde_json::Value`; in WebAssembly through its text, so a module holds one reader per
//!   draft), `Deserialize` (through a `Value`, for callers' `serde_json::from_value`), and the
//!   member impls that read a nested draft, or a list of them.
//! - `#[derive(Data)]` on a data type (criteria sets, definitions, partials, caller values):
//!   a struct read from a `Value`, every problem found reported by `crate::json::data`; a
//!   unit enum read from its name.
//! - `#[derive(DataText)]` beside `Data` on a data type that records carry inline (a criteria
//!   set in an assessment): the same type read straight from JSON text (`DataText`), for the
//!   values it reads without a doubt; on anything else (a member absent, unknown or of
//!   another type, a tagged enum's members) the reader stops and the caller reads the value
//!   with `Data`'s reader, which gives the answer and its error.

use proc_macro::TokenStream;
use proc_macro2::{Span, TokenStream as Tokens};
use quote::quote;
use syn::{parse_macro_input, Data, DeriveInput, Fields, LitStr};

/// Reads a draft: see the crate documentation.
#[proc_macro_derive(Draft, attributes(serde))]
pub fn derive_draft(input: TokenStream) -> TokenStream {
    let input = parse_macro_input!(input as DeriveInput);
    draft(&input)
        .unwrap_or_else(syn::Error::into_compile_error)
        .into()
}

/// Reads a data type: see the crate documentation.
#[proc_macro_derive(Data, attributes(serde))]
pub fn derive_data(input: TokenStream) -> TokenStream {
    let input = parse_macro_input!(input as DeriveInput);
    data(&input)
        .unwrap_or_else(syn::Error::into_compile_error)
        .into()
}

/// Reads a data type from text: see the crate documentation.
#[proc_macro_derive(DataText, attributes(serde))]
pub fn derive_data_text(input: TokenStream) -> TokenStream {
    let input = parse_macro_input!(input as DeriveInput);
    data_text(&input)
        .unwrap_or_else(syn::Error::into_compile_error)
        .into()
}

/// What a type's or a member's `#[serde(...)]` attributes say about reading it.
#[derive(Default)]
struct SerdeAttrs {
    rename: Option<String>,
    rename_all: Option<String>,
    default: bool,
    flatten: bool,
    skip: bool,
    deny_unknown: bool,
    deserialize_with: Option<syn::Path>,
    tag: Option<String>,
}

fn serde_attrs(attrs: &[syn::Attribute]) -> syn::Result<SerdeAttrs> {
    let mut out = SerdeAttrs::default();
    for attr in attrs.iter().filter(|a| a.path().is_ident("serde")) {
        attr.parse_nested_meta(|meta| {
            let name = meta
                .path
                .get_ident()
                .map(ToString::to_string)
                .unwrap_or_default();
            match name.as_str() {
                "rename" => out.rename = Some(meta.value()?.parse::<LitStr>()?.value()),
                "rename_all" => out.rename_all = Some(meta.value()?.parse::<LitStr>()?.value()),
                "tag" => out.tag = Some(meta.value()?.parse::<LitStr>()?.value()),
                "deserialize_with" => {
                    out.deserialize_with = Some(meta.value()?.parse::<LitStr>()?.parse()?);
                }
                "default" => {
                    if meta.input.peek(syn::Token![=]) {
                        return Err(meta.error("treem-derive: `default = ...` is not supported"));
                    }
                    out.default = true;
                }
                "flatten" => out.flatten = true,
                "skip" | "skip_deserializing" => out.skip = true,
                "deny_unknown_fields" => out.deny_unknown = true,
                "with" | "deserialize" | "alias" | "from" | "try_from" | "untagged" | "content"
                | "borrow" | "bound" => {
                    return Err(meta.error(format!(
                        "treem-derive: `serde({name})` is not read by the derive"
                    )));
                }
                _ => {
                    // Serialization-only attributes (`skip_serializing_if`, `serialize_with`,
                    // `transparent`, ...): their value, if any, is skipped.
                    if meta.input.peek(syn::Token![=]) {
                        let _: syn::Expr = meta.value()?.parse()?;
                    } else if meta.input.peek(syn::token::Paren) {
                        meta.parse_nested_meta(|inner| {
                            if inner.input.peek(syn::Token![=]) {
                                let _: syn::Expr = inner.value()?.parse()?;
                            }
                            Ok(())
                        })?;
                    }
                }
            }
            Ok(())
        })?;
    }
    Ok(out)
}

/// The JSON name of a member: its `rename`, else its identifier without `r#`.
fn member_name(ident: &syn::Ident, attrs: &SerdeAttrs) -> String {
    attrs.rename.clone().unwrap_or_else(|| {
        let text = ident.to_string();
        text.strip_prefix("r#").map(str::to_owned).unwrap_or(text)
    })
}

/// A variant's JSON name as serde's `rename_all` spells it.
fn variant_name(
    ident: &syn::Ident,
    attrs: &SerdeAttrs,
    rename_all: Option<&str>,
) -> syn::Result<String> {
    if let Some(name) = &attrs.rename {
        return Ok(name.clone());
    }
    let text = ident.to_string();
    match rename_all {
        None => Ok(text),
        Some("snake_case") => {
            let mut out = String::new();
            for (i, c) in text.chars().enumerate() {
                if c.is_uppercase() && i > 0 {
                    out.push('_');
                }
                out.extend(c.to_lowercase());
            }
            Ok(out)
        }
        Some("lowercase") => Ok(text.to_lowercase()),
        Some(other) => Err(syn::Error::new(
            ident.span(),
            format!("treem-derive: rename_all = {other:?} is not supported"),
        )),
    }
}

fn named_fields(
    input: &DeriveInput,
) -> syn::Result<&syn::punctuated::Punctuated<syn::Field, syn::Token![,]>> {
    match &input.data {
        Data::Struct(data) => match &data.fields {
            Fields::Named(fields) => Ok(&fields.named),
            _ => Err(syn::Error::new(
                Span::call_site(),
                "treem-derive: a struct with named members",
            )),
        },
        _ => Err(syn::Error::new(Span::call_site(), "treem-derive: a struct")),
    }
}

fn draft(input: &DeriveInput) -> syn::Result<Tokens> {
    let ty = &input.ident;
    let mut names = Vec::new();
    let mut idents = Vec::new();
    let mut unknown = None;
    for field in named_fields(input)? {
        let attrs = serde_attrs(&field.attrs)?;
        let Some(ident) = &field.ident else { continue };
        if attrs.flatten {
            if unknown.is_some() {
                return Err(syn::Error::new(
                    ident.span(),
                    "treem-derive: one flattened `unknown` map",
                ));
            }
            unknown = Some(ident.clone());
            continue;
        }
        if attrs.skip {
            continue;
        }
        names.push(member_name(ident, &attrs));
        idents.push(ident.clone());
    }
    let (value_unknown, text_unknown) = match &unknown {
        Some(map) => (
            quote! { draft.#map.insert(name, value); },
            quote! {
                let value = text.value()?;
                self.#map.insert(name.into_owned(), value);
            },
        ),
        None => (quote! {}, quote! { text.skip()?; }),
    };
    Ok(quote! {
        const _: () = {
            impl crate::json::FromValue for #ty {
                fn accepts(value: &serde_json::Value) -> bool {
                    value.is_object()
                }

                // In a WebAssembly form module, through the text reader (json/text.rs),
                // which it holds anyway: one reader per draft type instead of two. Builds
                // with the indicator feed (which reads records given as values, thousands at
                // a time: a third slower through their text) keep the direct reader.
                #[cfg(all(target_arch = "wasm32", not(feature = "indicators")))]
                fn from_value(value: serde_json::Value) -> Result<#ty, serde_json::Value> {
                    crate::json::text::from_value(value)
                }

                #[cfg(any(not(target_arch = "wasm32"), feature = "indicators"))]
                fn from_value(value: serde_json::Value) -> Result<#ty, serde_json::Value> {
                    let serde_json::Value::Object(members) = value else {
                        return Err(value);
                    };
                    let mut draft = <#ty as Default>::default();
                    for (name, value) in members {
                        match name.as_str() {
                            #(#names => crate::json::Member::set_from(&mut draft.#idents, value),)*
                            _ => { #value_unknown }
                        }
                    }
                    Ok(draft)
                }
            }

            impl crate::json::text::ReadText for #ty {
                fn read_text(
                    &mut self,
                    text: &mut crate::json::text::Text<'_>,
                ) -> Result<(), crate::json::text::Fallback> {
                    text.open(b'{')?;
                    let mut first = true;
                    while let Some(name) = text.key(&mut first)? {
                        match &*name {
                            #(#names => crate::json::Member::read_text(&mut self.#idents, text)?,)*
                            _ => { #text_unknown }
                        }
                    }
                    Ok(())
                }

                fn from_text(
                    text: &mut crate::json::text::Text<'_>,
                ) -> Result<#ty, crate::json::text::Fallback> {
                    let mut draft = <#ty as Default>::default();
                    crate::json::text::ReadText::read_text(&mut draft, text)?;
                    Ok(draft)
                }
            }

            impl<'de> serde::Deserialize<'de> for #ty {
                fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<#ty, D::Error> {
                    crate::json::draft_from(deserializer)
                }
            }

            impl crate::json::Member for crate::json::Field<#ty> {
                #[inline]
                fn set_from(&mut self, value: serde_json::Value) {
                    *self = crate::json::Field::from_member(value);
                }
                #[inline]
                fn read_text(
                    &mut self,
                    text: &mut crate::json::text::Text<'_>,
                ) -> Result<(), crate::json::text::Fallback> {
                    crate::json::text::draft(self, text)
                }
            }

            impl crate::json::Member for crate::json::Field<Vec<crate::json::Field<#ty>>> {
                #[inline]
                fn set_from(&mut self, value: serde_json::Value) {
                    *self = crate::json::Field::from_member(value);
                }
                #[inline]
                fn read_text(
                    &mut self,
                    text: &mut crate::json::text::Text<'_>,
                ) -> Result<(), crate::json::text::Fallback> {
                    crate::json::text::draft_list(self, text)
                }
            }

            impl crate::json::Plain for Vec<#ty> {}
            impl crate::json::text::FromText for Vec<#ty> {
                fn field_from_text(
                    text: &mut crate::json::text::Text<'_>,
                ) -> Result<crate::json::Field<Vec<#ty>>, crate::json::text::Fallback> {
                    crate::json::text::draft_vec(text)
                }
            }
        };
    })
}

fn is_option(ty: &syn::Type) -> bool {
    match ty {
        syn::Type::Path(path) => path
            .path
            .segments
            .last()
            .is_some_and(|s| s.ident == "Option"),
        _ => false,
    }
}

/// A member the reader must find: neither defaulted (by itself or its container) nor an
/// `Option`, as serde's derive has it.
fn is_required(field: &syn::Field, attrs: &SerdeAttrs, container_default: bool) -> bool {
    !attrs.default && !container_default && !is_option(&field.ty)
}

/// A struct's (or a struct variant's) reading from `value`, as an expression of type
/// `Result<#built, crate::json::data::ReadError>`.
fn members_read(
    fields: &syn::punctuated::Punctuated<syn::Field, syn::Token![,]>,
    built: &Tokens,
    expecting: &str,
    deny: bool,
    container_default: bool,
    tag: Option<&str>,
) -> syn::Result<Tokens> {
    let mut names: Vec<String> = Vec::new();
    let mut idents = Vec::new();
    let mut required = Vec::new();
    let mut readers = Vec::new();
    let mut finishes = Vec::new();
    let mut patterns = Vec::new();
    let mut flattened = Vec::new();
    for field in fields {
        let attrs = serde_attrs(&field.attrs)?;
        let Some(ident) = &field.ident else { continue };
        if attrs.skip {
            return Err(syn::Error::new(
                ident.span(),
                "treem-derive: skip is not read",
            ));
        }
        if attrs.flatten {
            // A flattened member reads the whole object (its own members, the others
            // ignored); a flattened `Option` is `None` when they do not read.
            let read = if is_option(&field.ty) {
                quote! { crate::json::data::FromJson::from_json(value).ok() }
            } else {
                quote! { crate::json::data::FromJson::from_json(value)? }
            };
            flattened.push(quote! { let #ident = #read; });
            patterns.push(quote! { #ident });
            finishes.push(quote! { #ident });
            idents.push(ident.clone());
            continue;
        }
        let is_required = is_required(field, &attrs, container_default);
        let index = names.len();
        names.push(member_name(ident, &attrs));

        if attrs.deserialize_with.is_some() {
            return Err(syn::Error::new(
                ident.span(),
                "treem-derive: deserialize_with is not read; implement FromJson for the member's type",
            ));
        }
        let name = member_name(ident, &attrs);
        let fty = &field.ty;
        readers.push(quote! {
            let #ident = members.read(#index, #name, <#fty as crate::json::data::FromJson>::from_json);
        });
        if is_required {
            patterns.push(quote! { Some(#ident) });
            finishes.push(quote! { #ident });
        } else {
            patterns.push(quote! { #ident });
            finishes.push(quote! { #ident.unwrap_or_default() });
        }
        required.push(is_required);
        idents.push(ident.clone());
    }
    let tag = match tag {
        Some(tag) => quote! { Some(#tag) },
        None => quote! { None },
    };
    Ok(quote! {{
        const FIELDS: &[&str] = &[#(#names),*];
        let mut members = crate::json::data::Members::new(value, #expecting, FIELDS, #deny, #tag)?;
        #(#readers)*
        const REQUIRED: &[bool] = &[#(#required),*];
        members.finish(FIELDS, REQUIRED)?;
        #(#flattened)*
        // One match over every member (not one early return per required member, each
        // dropping the others): the required ones are there once `finish` passed.
        match (#(#idents,)*) {
            (#(#patterns,)*) => Ok(#built { #(#idents: #finishes,)* }),
            #[allow(unreachable_patterns)]
            _ => Err(crate::json::data::unchecked()),
        }
    }})
}

fn data(input: &DeriveInput) -> syn::Result<Tokens> {
    let ty = &input.ident;
    let container = serde_attrs(&input.attrs)?;
    let deserialize = quote! {
        impl<'de> serde::Deserialize<'de> for #ty {
            fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<#ty, D::Error> {
                let value = crate::json::data::gather(deserializer)?;
                <#ty as crate::json::data::FromJson>::from_json(&value)
                    .map_err(crate::json::data::error)
            }
        }
    };
    if let Data::Enum(data) = &input.data {
        let mut names = Vec::new();
        let mut variants = Vec::new();
        let mut reads = Vec::new();
        for variant in &data.variants {
            let attrs = serde_attrs(&variant.attrs)?;
            let name = variant_name(&variant.ident, &attrs, container.rename_all.as_deref())?;
            let ident = &variant.ident;
            match (&variant.fields, &container.tag) {
                (Fields::Unit, _) => reads.push(quote! { Ok(#ty::#ident) }),
                (Fields::Named(fields), Some(tag)) => reads.push(members_read(
                    &fields.named,
                    &quote! { #ty::#ident },
                    "object",
                    container.deny_unknown,
                    false,
                    Some(tag),
                )?),
                _ => {
                    return Err(syn::Error::new(
                        ident.span(),
                        "treem-derive: unit variants, or struct variants of a tagged enum",
                    ))
                }
            }
            names.push(name);
            variants.push(ident.clone());
        }
        let indexes: Vec<usize> = (0..variants.len()).collect();
        if let Some(tag) = &container.tag {
            let expecting = "object";
            return Ok(quote! {
                #deserialize

                impl crate::json::data::FromJson for #ty {
                    fn from_json(value: &serde_json::Value) -> Result<#ty, crate::json::data::ReadError> {
                        const VARIANTS: &[&str] = &[#(#names),*];
                        match crate::json::data::tag_of(value, #tag, #expecting, VARIANTS)? {
                            #(#indexes => #reads,)*
                            _ => Err(crate::json::data::unchecked()),
                        }
                    }
                }
            });
        }
        return Ok(quote! {
            #deserialize

            impl crate::json::data::FromJson for #ty {
                fn from_json(value: &serde_json::Value) -> Result<#ty, crate::json::data::ReadError> {
                    const VARIANTS: &[&str] = &[#(#names),*];
                    const ALL: &[#ty] = &[#(#ty::#variants),*];
                    let index = crate::json::data::variant(value, VARIANTS)?;
                    crate::json::data::pick(ALL, index)
                }
            }
        });
    }
    let read = members_read(
        named_fields(input)?,
        &quote! { #ty },
        "object",
        container.deny_unknown,
        container.default,
        None,
    )?;
    Ok(quote! {
        #deserialize

        impl crate::json::data::FromJson for #ty {
            fn from_json(value: &serde_json::Value) -> Result<#ty, crate::json::data::ReadError> {
                #read
            }
        }
    })
}

/// `DataText` for a struct (its members straight from text), a unit enum (its name) or an
/// internally tagged enum (its tag first, as treem and serde write it, then the variant's
/// members; a tag anywhere else is read through the value).
fn data_text(input: &DeriveInput) -> syn::Result<Tokens> {
    let ty = &input.ident;
    let container = serde_attrs(&input.attrs)?;
    let body = match &input.data {
        Data::Enum(data) => {
            // One loop over the variants, as `data` has: each one's name, and for a tagged
            // enum how its members are read once its tag is.
            let mut names = Vec::new();
            let mut variants = Vec::new();
            let mut reads = Vec::new();
            for variant in &data.variants {
                let attrs = serde_attrs(&variant.attrs)?;
                let ident = &variant.ident;
                names.push(variant_name(
                    ident,
                    &attrs,
                    container.rename_all.as_deref(),
                )?);
                variants.push(ident.clone());
                reads.push(match (&variant.fields, &container.tag) {
                    (Fields::Unit, None) => quote! {},
                    // `Data`'s reader takes a unit variant whatever else its object holds.
                    (Fields::Unit, Some(tag)) => quote! {{
                        let mut first_member = false;
                        while let Some(index) = text.member(&[#tag], &mut first_member)? {
                            match index {
                                0 => return Err(crate::json::text::Fallback),
                                _ => text.skip()?,
                            }
                        }
                        Ok(#ty::#ident)
                    }},
                    (Fields::Named(fields), Some(tag)) => members_text(
                        &fields.named,
                        &quote! { #ty::#ident },
                        container.deny_unknown,
                        false,
                        Some(tag),
                    )?,
                    _ => {
                        return Err(syn::Error::new(
                            ident.span(),
                            "treem-derive: DataText reads unit variants, or struct variants of a tagged enum",
                        ))
                    }
                });
            }
            match &container.tag {
                None => quote! {
                    match &*text.string()? {
                        #(#names => Ok(#ty::#variants),)*
                        _ => Err(crate::json::text::Fallback),
                    }
                },
                Some(tag) => {
                    let indexes: Vec<usize> = (0..reads.len()).collect();
                    quote! {
                        let read = |text: &mut crate::json::text::Text<'_>| {
                            const VARIANTS: &[&str] = &[#(#names),*];
                            text.open(b'{')?;
                            let mut first_member = true;
                            if text.member(&[#tag], &mut first_member)? != Some(0) {
                                return Err(crate::json::text::Fallback);
                            }
                            let index = {
                                let name = text.string()?;
                                VARIANTS.iter().position(|v| *v == name).ok_or(crate::json::text::Fallback)?
                            };
                            match index {
                                #(#indexes => #reads,)*
                                _ => Err(crate::json::text::Fallback),
                            }
                        };
                        match text.or_value(read)? {
                            Ok(read) => Ok(read),
                            Err(value) => <#ty as crate::json::data::FromJson>::from_json(&value)
                                .map_err(|_| crate::json::text::Fallback),
                        }
                    }
                }
            }
        }
        Data::Struct(_) => members_text(
            named_fields(input)?,
            &quote! { #ty },
            container.deny_unknown,
            container.default,
            None,
        )?,
        Data::Union(_) => {
            return Err(syn::Error::new(
                Span::call_site(),
                "treem-derive: a struct or an enum",
            ))
        }
    };
    Ok(quote! {
        impl crate::json::data_text::DataText for #ty {
            fn data_from_text(
                text: &mut crate::json::text::Text<'_>,
            ) -> Result<#ty, crate::json::text::Fallback> {
                #body
            }
        }
    })
}

/// The members of a struct (or, after its `tag`, of a tagged enum's struct variant, the
/// object already open) read from text into `built`, as an expression of type
/// `Result<#built, Fallback>`.
fn members_text(
    fields: &syn::punctuated::Punctuated<syn::Field, syn::Token![,]>,
    built: &Tokens,
    deny: bool,
    container_default: bool,
    tag: Option<&str>,
) -> syn::Result<Tokens> {
    let mut names = Vec::new();
    let mut idents = Vec::new();
    let mut types = Vec::new();
    let mut locals = Vec::new();
    let mut patterns = Vec::new();
    let mut finishes = Vec::new();
    for field in fields {
        let attrs = serde_attrs(&field.attrs)?;
        let Some(ident) = &field.ident else { continue };
        if attrs.flatten || attrs.skip || attrs.deserialize_with.is_some() {
            return Err(syn::Error::new(
                ident.span(),
                "treem-derive: DataText reads plain members only (no flatten, skip or deserialize_with)",
            ));
        }
        // The locals are prefixed: a member may be called `text` or `name`.
        let local = quote::format_ident!("member_{}", ident);
        let required = is_required(field, &attrs, container_default);
        if required {
            patterns.push(quote! { Some(#local) });
            finishes.push(quote! { #local });
        } else {
            patterns.push(quote! { #local });
            finishes.push(quote! { #local.unwrap_or_default() });
        }
        names.push(member_name(ident, &attrs));
        idents.push(ident.clone());
        types.push(&field.ty);
        locals.push(local);
    }
    let indexes: Vec<usize> = (0..names.len()).collect();
    // An unknown member: the value path's error under `deny_unknown_fields`, else skipped as
    // the value path skips it. A tag named again: a parsed `Value` keeps the last, which the
    // value path then reads.
    let unknown = if deny {
        quote! { return Err(crate::json::text::Fallback) }
    } else {
        quote! { text.skip()? }
    };
    let (open, tag_name, tag_arm) = match tag {
        None => (quote! { text.open(b'{')?; }, quote! {}, quote! {}),
        Some(tag) => {
            let index = names.len();
            (
                quote! {},
                quote! { #tag },
                quote! { #index => return Err(crate::json::text::Fallback), },
            )
        }
    };
    let first = tag.is_none();
    // Names found by one shared lookup, and one match over every member at the end (not one
    // early return per required member): the code per type stays small.
    Ok(quote! {{
        const NAMES: &[&str] = &[#(#names,)* #tag_name];
        #(let mut #locals: Option<#types> = None;)*
        #open
        let mut first_member = #first;
        while let Some(index) = text.member(NAMES, &mut first_member)? {
            match index {
                #(#indexes => crate::json::data_text::member(&mut #locals, text)?,)*
                #tag_arm
                _ => #unknown,
            }
        }
        match (#(#locals,)*) {
            (#(#patterns,)*) => Ok(#built { #(#idents: #finishes,)* }),
            // A required member absent: the value path says which.
            #[allow(unreachable_patterns)]
            _ => Err(crate::json::text::Fallback),
        }
    }})
}
