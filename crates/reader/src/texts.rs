//! The documents' texts as the reader's worker hands them to the worker that indexes beside it
//! ([`crate::worker`]): what the index is made of (each document's title and paragraphs) and
//! nothing else, in one buffer of bytes that is moved between the workers, not copied. For each
//! document: its number of paragraphs, then its title and each paragraph as a length and
//! UTF-8 bytes (the numbers are 4 bytes, little-endian).

use explorer_core::Document;
use std::collections::BTreeMap;

/// Appends the texts of `documents` to `out`.
pub fn encode<'a>(documents: impl IntoIterator<Item = &'a Document>, out: &mut Vec<u8>) {
    for d in documents {
        put(out, d.paragraphs.len());
        for text in std::iter::once(&d.title).chain(&d.paragraphs) {
            put(out, text.len());
            out.extend_from_slice(text.as_bytes());
        }
    }
}

/// The documents whose texts `bytes` holds ([`encode`]): each with its title and paragraphs,
/// all else empty (the index reads nothing else); or what is wrong with the bytes.
pub fn decode(bytes: &[u8]) -> Result<Vec<Document>, String> {
    let mut at = 0;
    let mut documents = Vec::new();
    while at < bytes.len() {
        let paragraphs = take_number(bytes, &mut at)?;
        let title = take_text(bytes, &mut at)?;
        // Each paragraph takes at least its length's 4 bytes: a count past the bytes is wrong.
        if paragraphs > (bytes.len() - at) / 4 {
            return Err(format!("{paragraphs} paragraphs announced at byte {at}, past the end"));
        }
        let paragraphs = (0..paragraphs).map(|_| take_text(bytes, &mut at)).collect::<Result<_, _>>()?;
        documents.push(Document {
            id: String::new(),
            title,
            outlet: None,
            date: None,
            date_note: None,
            author: None,
            kind: String::new(),
            url: None,
            people: Vec::new(),
            paragraphs,
            word_count: 0,
            fields: BTreeMap::new(),
        });
    }
    Ok(documents)
}

fn put(out: &mut Vec<u8>, n: usize) {
    // A text of 4 GiB or more cannot be read in the page (its memory ends at 4 GiB).
    out.extend_from_slice(&u32::try_from(n).unwrap_or(u32::MAX).to_le_bytes());
}

fn take_number(bytes: &[u8], at: &mut usize) -> Result<usize, String> {
    let four = bytes.get(*at..*at + 4).ok_or_else(|| format!("a number cut short at byte {at}"))?;
    *at += 4;
    Ok(u32::from_le_bytes([four[0], four[1], four[2], four[3]]) as usize)
}

fn take_text(bytes: &[u8], at: &mut usize) -> Result<String, String> {
    let len = take_number(bytes, at)?;
    let text = bytes.get(*at..*at + len).ok_or_else(|| format!("a text of {len} bytes cut short at byte {at}"))?;
    *at += len;
    String::from_utf8(text.to_vec()).map_err(|e| format!("a text that is not UTF-8 at byte {at}: {e}"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use explorer_core::index::IndexBuilder;

    fn documents() -> Vec<Document> {
        let mut a =
            Document::new("a", "Über «Ленин»", vec!["The first paragraph.".into(), String::new(), "Ω 😀".into()]);
        a.author = Some("Ada".into());
        a.fields.insert("party".into(), "Red".into());
        vec![a, Document::new("b", "", vec![]), Document::new("c", "Only a title", vec!["x".repeat(70_000)])]
    }

    #[test]
    fn texts_go_through_whole_and_nothing_else() {
        let mut bytes = Vec::new();
        encode(&documents(), &mut bytes);
        let back = decode(&bytes).unwrap();
        assert_eq!(back.len(), 3);
        for (d, b) in documents().iter().zip(&back) {
            assert_eq!((&b.title, &b.paragraphs), (&d.title, &d.paragraphs));
            assert_eq!((b.id.as_str(), &b.author, b.fields.len()), ("", &None, 0));
        }
        assert_eq!(decode(&[]).unwrap(), []);
    }

    /// The index of the texts alone is the index of the documents: the worker beside the
    /// reading builds the very index file the reading would have.
    #[test]
    fn the_index_of_the_texts_is_the_documents_index() {
        let index_of = |docs: &[Document]| {
            let mut builder = IndexBuilder::new();
            for d in docs {
                builder.add(d);
            }
            builder.finish().to_bytes("v1")
        };
        let mut bytes = Vec::new();
        // Handed over in two parts, as the worker does.
        encode(&documents()[..1], &mut bytes);
        let first = decode(&bytes).unwrap();
        bytes.clear();
        encode(&documents()[1..], &mut bytes);
        let texts: Vec<Document> = first.into_iter().chain(decode(&bytes).unwrap()).collect();
        assert_eq!(index_of(&texts), index_of(&documents()));
    }

    #[test]
    fn damaged_bytes_say_so() {
        let mut bytes = Vec::new();
        encode(&documents()[..1], &mut bytes);
        assert!(decode(&bytes[..bytes.len() - 1]).unwrap_err().contains("cut short"));
        assert!(decode(&bytes[..2]).unwrap_err().contains("cut short"));
        let mut lying = 1_000_000u32.to_le_bytes().to_vec();
        lying.extend_from_slice(&0u32.to_le_bytes());
        assert!(decode(&lying).unwrap_err().contains("past the end"));
        let mut bad = 0u32.to_le_bytes().to_vec();
        bad.extend_from_slice(&2u32.to_le_bytes());
        bad.extend_from_slice(&[0xff, 0xfe]);
        assert!(decode(&bad).unwrap_err().contains("not UTF-8"));
    }
}
