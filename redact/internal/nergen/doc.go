// Package nergen writes the synthetic customer messages the redactor's
// name tagger is trained on: support questions, complaints, signatures and
// lists in English, Danish, Malay and Chinese, made from templates with
// names of many nationalities (from the name lists, and invented ones),
// in any casing, beside hard negatives: brands, shops and places that are
// made of names or look like them, products, and everyday words that are
// also given names.
//
// The templates here are written for training only; the evaluation sets
// of the redactor are written apart and never used to train. The output
// depends only on the seed and the name lists.
package nergen
