#pragma once
// Grammar of scheme lines, the lines that say how the sets of a block are clocked or counted:
//
//   scheme_line := head clause* [(":" | "of" [":"]) movement_line]
//   head        := "every" (["other"] "minute" | duration) | "emom" | "e" N "mom" | "on the minute"
//                | "amrap" | N "min" "amrap" | "as many rounds as possible"
//                | [N "rounds"] "for time" | N "rft" | rep_sequence "for time" | "time cap" duration
//                | N "rounds" | N "sets" | [N "sets"] "tabata" | duration "on" duration "off"
//   clause      := "on the minute" | "for" duration | "for" N "sets" | "x" N ["sets"|"rounds"]
//                | "(" N "sets" ")" | "in" duration | "time cap" duration | N (minutes, after
//                  "emom" or "amrap")
//
// N may be a number word up to twenty ("Three sets of:").

#include "transform/prescription/grammar_cursor.hpp"
#include "core/prescription.hpp"

namespace wodetl::prescription {

//! Parses every token from the cursor to its end as a scheme line and stores it in parsed, which
//! must still hold a note. The scheme is built in place rather than moved out of the grammar.
//! Returns false, with the cursor where it was and parsed unchanged, when the tokens do not form
//! a scheme line.
bool parse_scheme_line(Cursor& cursor, const GrammarContext& context, ParsedLine& parsed);

//! Makes the movements of a list take turns, movement i on minute i of each cycle, as "Min 1: …,
//! Min 2: …" gives: the movements after the colon of "EMOM 12 (alternating):" or "Alternating EMOM
//! 12:". Leaves other lines unchanged.
void alternate_listed_movements(MovementLine& line);

}  // namespace wodetl::prescription
