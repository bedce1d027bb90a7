// Package translate is the translation engine: it plans which of a letter's
// sentences need a translator, batches them by paragraph, sends the batches
// to a [Translator] (a backend: openai, deepl, memory) with retries and rate
// limits, validates every reply, and saves the machine catalogs as batches
// finish. The small contracts a backend implements ([Translator], [Request],
// [Response], [BackendError]) live here, where they are used.
package translate
