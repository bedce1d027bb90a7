package store

// What epistle.toml's reuse may say.
const (
	// ReuseOffer offers a sentence approved word for word in another letter
	// as a machine translation, for a person to approve.
	ReuseOffer = "offer"
	// ReuseApprove approves it when the letter is translated.
	ReuseApprove = "approve"
)

// ReusedPrefix begins the provenance of a machine translation that is a
// person's approval of the same sentence in another letter of the
// newsletter: "approved in 2024-05.ko.md".
const ReusedPrefix = "approved in "

// NearPrefix begins the provenance of a near match from the translation
// memory that differs in numbers or glossary terms: the memory's source
// sentence follows, so that the reviewer sees what differs.
const NearPrefix = "memory near match: "
