// Package segment splits a paragraph into sentences with rules kept as data.
package segment
