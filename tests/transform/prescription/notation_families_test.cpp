// One table per family of notations that coaches use in prescriptions, with lines made up in their
// shapes. Every row also runs texturized the way WordPress prints it (U+00D7 for "x", en dashes,
// curly quotes, no-break spaces) and must parse to the same structure.

#include <gtest/gtest.h>

#include <string>

#include "transform/prescription/notation_cases.hpp"

namespace wodetl::prescription {
namespace {

using testing::expect_case_and_texturized;
using testing::NotationCase;

void expect_rows(std::initializer_list<NotationCase> cases) {
  for (const NotationCase& notation : cases) {
    expect_case_and_texturized(notation);
  }
}

TEST(NotationFamilies, SetsAndReps) {
  expect_rows({
      {"5 x 5", "movement", R"json({"movements":[],"sets":5,"reps":{"min":5,"max":5}})json"},
      {"5x5", "movement", R"json({"movements":[],"sets":5,"reps":{"min":5,"max":5}})json"},
      {"Six sets of:", "scheme", R"json({"scheme":{"type":"sets","sets":6}})json"},
      // Reps written as a word after the sets.
      {"Five sets of three @ 80%", "scheme",
       R"json({"scheme":{"type":"sets","sets":5},"movement":{"movements":[],"reps":{"min":3,"max":3},"percent":{"min":80,"max":80}}})json"},
      {"Four sets of two reps @ 75%", "scheme",
       R"json({"scheme":{"type":"sets","sets":4},"movement":{"movements":[],"reps":{"min":2,"max":2},"percent":{"min":75,"max":75}}})json"},
      {"Three sets of:", "scheme", R"json({"scheme":{"type":"sets","sets":3}})json"},
      {"2x through:", "scheme", R"json({"scheme":{"type":"rounds","rounds":2}})json"},
      {"3 times through:", "scheme", R"json({"scheme":{"type":"rounds","rounds":3}})json"},
      {"Twice through:", "scheme", R"json({"scheme":{"type":"rounds","rounds":2}})json"},
      // A day label before the prescription is set aside, as "Part A -" is.
      {"Day 1: Back Squat 5x5 @ 75%", "movement",
       R"json({"movements":[{"canonical":"back squat"}],"sets":5,"percent":{"min":75,"max":75}})json"},
      // A slash with spaces around it separates the movements of a list.
      {"10 Push-ups / 10 Sit-ups", "movement",
       R"json({"grouping":"list","movements":[{"canonical":"push up","reps":{"min":10,"max":10}},{"canonical":"sit up","reps":{"min":10,"max":10}}]})json"},
      {"Tabata x 2: Push-ups / Sit-ups", "scheme",
       R"json({"scheme":{"type":"tabata","sets":2,"rounds":8,"duration_seconds":480},"movement":{"grouping":"list","movements":[{"canonical":"push up"},{"canonical":"sit up"}]}})json"},
      // "alternating" alone after a comma is a remark, not a movement.
      {"12 DB Snatches (50/35), alternating", "movement",
       R"json({"movements":[{"canonical":"dumbbell snatch"}],"reps":{"min":12,"max":12},"remark":"alternating"})json"},
      {"12 x Goblet Squat", "movement",
       R"json({"movements":[{"canonical":"goblet squat"}],"reps":{"min":12,"max":12},"sets":null})json"},
      {"Ring Rows x 9 reps", "movement",
       R"json({"movements":[{"canonical":"ring row"}],"reps":{"min":9,"max":9}})json"},
      {"10-12 reps of Goblet Squat", "movement",
       R"json({"movements":[{"canonical":"goblet squat"}],"reps":{"min":10,"max":12}})json"},
      // "the" after a word of place belongs to the name.
      {"Behind the Neck Jerk 3 x 3 @ 70% of 1-RM Jerk", "movement",
       R"json({"movements":[{"canonical":"behind the neck jerk"}],"sets":3,"of":{"rm":1,"lift":"jerk"}})json"},
      {"Clean from the Floor 3x2", "movement",
       R"json({"movements":[{"canonical":"clean from the floor"}],"sets":3})json"},
      {"4-6 sets of 1-3 reps", "scheme",
       R"json({"scheme":{"type":"sets","sets":null,"sets_range":{"min":4,"max":6}},"movement":{"movements":[],"reps":{"min":1,"max":3}}})json"},
      {"Front Squat x 5-6 reps", "movement", R"json({"reps":{"min":5,"max":6},"sets":null})json"},
      // Sets of singles, doubles and triples.
      {"Snatch 6 singles @ 80%", "movement",
       R"json({"movements":[{"canonical":"snatch"}],"sets":6,"reps":{"min":1,"max":1},"percent":{"min":80,"max":80}})json"},
      {"Clean: 3 doubles @ 80%", "movement",
       R"json({"movements":[{"canonical":"clean"}],"sets":3,"reps":{"min":2,"max":2}})json"},
      // One percentage a set, joined by slashes or commas, with or without a sign after each.
      {"Snatch Pull 3 x 3 @ 90%/95%/100%", "movement",
       R"json({"sets":3,"percent":null,"steps":[{"reps":{"min":3,"max":3},"percent":{"min":90,"max":90}},{"reps":{"min":3,"max":3},"percent":{"min":95,"max":95}},{"reps":{"min":3,"max":3},"percent":{"min":100,"max":100}}]})json"},
      {"Snatch Pull 3 x 3 @ 90/95/100%", "movement",
       R"json({"sets":3,"steps":[{"percent":{"min":90,"max":90}},{"percent":{"min":95,"max":95}},{"percent":{"min":100,"max":100}}]})json"},
      {"Back Squat 5,5,5,3,3 @ 75,75,80,85,85%", "movement",
       R"json({"sets":5,"steps":[{"reps":{"min":5,"max":5},"percent":{"min":75,"max":75}},{"reps":{"min":5,"max":5},"percent":{"min":75,"max":75}},{"reps":{"min":5,"max":5},"percent":{"min":80,"max":80}},{"reps":{"min":3,"max":3},"percent":{"min":85,"max":85}},{"reps":{"min":3,"max":3},"percent":{"min":85,"max":85}}]})json"},
      // Without a sign, numbers after a rep sequence or set count are percentages when there is
      // one a set and each is a plausible percentage. The line carries a warning, and loads
      // stay notes.
      {"Back Squat 8/6/4/2 @ 65/70/75/80", "movement",
       R"json({"sets":4,"steps":[{"reps":{"min":8,"max":8},"percent":{"min":65,"max":65}},{"reps":{"min":6,"max":6},"percent":{"min":70,"max":70}},{"reps":{"min":4,"max":4},"percent":{"min":75,"max":75}},{"reps":{"min":2,"max":2},"percent":{"min":80,"max":80}}],"warning":"reads 65/70/75/80 as percentages, since no % sign follows them"})json"},
      {"Snatch 3/3/2 @ 70/75/80 of 1-RM Snatch", "movement",
       R"json({"sets":3,"steps":[{"percent":{"min":70,"max":70},"of":{"rm":1,"lift":"snatch"}},{"percent":{"min":75,"max":75},"of":{"rm":1,"lift":"snatch"}},{"percent":{"min":80,"max":80},"of":{"rm":1,"lift":"snatch"}}]})json"},
      {"Back Squat 3 x 5 @ 70/75/80", "movement",
       R"json({"sets":3,"steps":[{"reps":{"min":5,"max":5},"percent":{"min":70,"max":70}},{"reps":{"min":5,"max":5},"percent":{"min":75,"max":75}},{"reps":{"min":5,"max":5},"percent":{"min":80,"max":80}}],"warning":"reads 70/75/80 as percentages, since no % sign follows them"})json"},
      {"Press 5/3/1 @ 135/155/175", "note", "{}"},
      // A "+" after the last count of a sequence: that set is for as many reps as possible.
      {"Deadlift 5-3-1+ @ 65/75/85%", "movement",
       R"json({"sets":3,"steps":[{"reps":{"min":5,"max":5}},{"reps":{"min":3,"max":3}},{"reps":{"min":1,"max":1},"percent":{"min":85,"max":85},"reps_at_least":true}]})json"},
      {"Press 5-3-1+", "movement", R"json({"sets":3,"rep_scheme":[5,3,1],"remark":"1+"})json"},
      // A rep sequence that repeats with the percentages' period repeats them too.
      {"Snatch 3-2-1-3-2-1 @ 75-80-85%", "movement",
       R"json({"sets":6,"steps":[{"reps":{"min":3,"max":3},"percent":{"min":75,"max":75}},{"reps":{"min":2,"max":2},"percent":{"min":80,"max":80}},{"reps":{"min":1,"max":1},"percent":{"min":85,"max":85}},{"reps":{"min":3,"max":3},"percent":{"min":75,"max":75}},{"reps":{"min":2,"max":2},"percent":{"min":80,"max":80}},{"reps":{"min":1,"max":1},"percent":{"min":85,"max":85}}]})json"},
      // A set for as many reps as possible after a group, and a group after "then" whose
      // percentage stays its own.
      {"Back Squat 4 x 5 @ 75% then 1 x AMRAP @ 65%", "movement",
       R"json({"sets":5,"steps":[{"percent":{"min":75,"max":75}},{"percent":{"min":75,"max":75}},{"percent":{"min":75,"max":75}},{"percent":{"min":75,"max":75}},{"reps":{"min":1,"max":1},"percent":{"min":65,"max":65},"reps_at_least":true}]})json"},
      {"Press 4x8 @ 65%, drop set: 1 x AMRAP @ 50%", "movement",
       R"json({"sets":5,"steps":[{"percent":{"min":65,"max":65}},{"percent":{"min":65,"max":65}},{"percent":{"min":65,"max":65}},{"percent":{"min":65,"max":65}},{"reps":{"min":1,"max":1},"percent":{"min":50,"max":50},"reps_at_least":true}]})json"},
      // Sets after a ceiling without counts are the line's.
      {"Snatch: work up to 90%, then 2 x 1 @ 85%", "movement",
       R"json({"sets":2,"reps":{"min":1,"max":1},"percent":{"min":85,"max":85},"limit":{"percent":{"min":90,"max":90}}})json"},
      {"1 x AMRAP @ 60%", "movement",
       R"json({"movements":[],"sets":1,"reps":{"min":1,"max":1},"reps_at_least":true,"percent":{"min":60,"max":60}})json"},
      {"Push Press 3-3-3-3-3, then 3 x 8 @ 60%", "movement",
       R"json({"sets":8,"steps":[{"percent":null},{"percent":null},{"percent":null},{"percent":null},{"percent":null},{"reps":{"min":8,"max":8},"percent":{"min":60,"max":60}},{"percent":{"min":60,"max":60}},{"percent":{"min":60,"max":60}}]})json"},
      // A last set on its own terms after a comma: its reps, its percentage or both.
      {"Deadlift 3 x 5, last set 5+ @ 80%", "movement",
       R"json({"sets":3,"reps":null,"percent":null,"steps":[{"reps":{"min":5,"max":5},"percent":null},{"reps":{"min":5,"max":5},"percent":null},{"reps":{"min":5,"max":5},"percent":{"min":80,"max":80},"reps_at_least":true}]})json"},
      {"Bench Press 3x8 @ 70%, final set AMRAP", "movement",
       R"json({"sets":3,"steps":[{"reps":{"min":8,"max":8},"percent":{"min":70,"max":70}},{"reps":{"min":8,"max":8},"percent":{"min":70,"max":70}},{"reps":{"min":8,"max":8},"percent":{"min":70,"max":70},"reps_at_least":true}]})json"},
      {"Back Squat 3x5 @ 75% of 1RM Back Squat, last set @ 85%", "movement",
       R"json({"sets":3,"steps":[{"percent":{"min":75,"max":75}},{"percent":{"min":75,"max":75}},{"reps":{"min":5,"max":5},"percent":{"min":85,"max":85},"of":{"rm":1,"lift":"back squat"}}]})json"},
      {"Press 5-5-5, last set max reps", "movement",
       R"json({"sets":3,"steps":[{"reps":{"min":5,"max":5}},{"reps":{"min":5,"max":5}},{"reps":{"min":5,"max":5},"reps_at_least":true}]})json"},
      {"Back Squat 5 x 5 @ 75% (last set AMRAP)", "movement",
       R"json({"sets":5,"steps":[{"reps":{"min":5,"max":5}},{"reps":{"min":5,"max":5}},{"reps":{"min":5,"max":5}},{"reps":{"min":5,"max":5}},{"reps":{"min":5,"max":5},"percent":{"min":75,"max":75},"reps_at_least":true}]})json"},
      {"Deadlift 3 x 5, last set is heavy", "movement",
       R"json({"sets":3,"reps":{"min":5,"max":5},"remark":"last set is heavy"})json"},
      {"Back Squat 5/5/5 @ 70/75", "movement",
       R"json({"sets":3,"remark":"@ 70/75","warning":"reads no percentage or load from \"@ 70/75\": write a % sign or a unit"})json"},
      // "85+%" is "85%+": at least 85%.
      {"Snatch 5 x 1 @ 85+%", "movement",
       R"json({"sets":5,"percent":{"min":85,"max":85},"at_least":true})json"},
      // A percentage above 200% is kept, with a warning about a likely typing mistake.
      {"Snatch 3x2 @ 750%", "movement",
       R"json({"percent":{"min":750,"max":750},"warning":"states 750% of a max, more than 200%: check the line for a typing mistake"})json"},
      // So does 0%.
      {"Clean 3x1 @ 0%", "movement",
       R"json({"percent":{"min":0,"max":0},"warning":"states 0% of a max: check the line for a typing mistake"})json"},
      // A rest after the items of a list stays in the remark.
      {"4 x 400m Run, rest 2:00", "movement",
       R"json({"movements":[{"canonical":"run"}],"sets":4,"duration_seconds":null,"remark":"rest 2:00"})json"},
      // Counts joined by "+" after one lift stay in the remark, and the percentage is read.
      {"Clean & Jerk x 1+1 @ 80%", "movement",
       R"json({"movements":[{"canonical":"clean and jerk"}],"reps":null,"percent":{"min":80,"max":80},"remark":"1+1"})json"},
      // A load after "x" is no count of reps: the count stays in the remark.
      {"KB Swings 2 x 32kg", "movement",
       R"json({"reps":null,"sets":null,"load":{"value":32,"unit":"kg"},"remark":"2 x"})json"},
      // A training max, which the maxes file gives as a share of the 1-RM.
      {"Deadlift 5x3 @ 75% TM", "movement",
       R"json({"percent":{"min":75,"max":75},"of":{"rm":null,"lift":null,"training_max":true}})json"},
      {"Bench Press 3x5 @ 70% of your training max", "movement",
       R"json({"sets":3,"of":{"rm":null,"lift":null,"training_max":true}})json"},
      // After a list of percentages, with "of" or without.
      {"Deadlift 5/3/1+ @ 75/85/95% of TM", "movement",
       R"json({"sets":3,"steps":[{"of":{"training_max":true}},{"of":{"training_max":true}},{"of":{"training_max":true}}]})json"},
      {"Deadlift 5-3-1+ @ 75/85/95% TM", "movement",
       R"json({"sets":3,"steps":[{"of":{"training_max":true}},{"of":{"training_max":true}},{"of":{"training_max":true}}]})json"},
      {"Back Squat 5-5-5 @ 65%, 75%, 85% TM", "movement", R"json({"sets":3,"steps":[{"percent":{"min":65,"max":65},"of":{"training_max":true}},{"percent":{"min":75,"max":75},"of":{"training_max":true}},{"percent":{"min":85,"max":85},"of":{"training_max":true}}]})json"},
      {"Back Squat 65% x 5, 75% x 5, 85% x 5+ of TM", "movement",
       R"json({"sets":3,"steps":[{"of":{"training_max":true}},{"of":{"training_max":true}},{"of":{"training_max":true}}]})json"},
      // Percentages that name no max in the maxes file.
      {"5 x 200m Run @ 90% effort", "movement",
       R"json({"of":{"rm":null,"lift":null,"unread":true}})json"},
      {"Clean & Jerk 3x1 @ 90% of today's max", "movement",
       R"json({"of":{"rm":null,"lift":null,"top_set":true}})json"},
      {"Snatch 3x2 @ 80% of today's heavy single", "movement",
       R"json({"of":{"rm":null,"lift":null,"top_set":true}})json"},
      // Percentage and reps joined by a slash.
      {"Snatch 65%/3, 70%/2, 75%/2", "movement",
       R"json({"sets":3,"steps":[{"reps":{"min":3,"max":3},"percent":{"min":65,"max":65}},{"reps":{"min":2,"max":2},"percent":{"min":70,"max":70}},{"reps":{"min":2,"max":2},"percent":{"min":75,"max":75}}]})json"},
      {"Snatch 3x2 @ 80% of e1RM", "movement", R"json({"of":{"rm":1,"lift":null}})json"},
      {"Snatch 5x1 @ 85% e1RM", "movement", R"json({"of":{"rm":1,"lift":null}})json"},
      {"Snatch 3x2 @ 75% of your PR Snatch", "movement",
       R"json({"of":{"rm":1,"lift":"snatch"}})json"},
      {"Pull-ups 3 x max", "movement",
       R"json({"movements":[{"canonical":"pull up"}],"sets":3,"reps":null,"remark":"max"})json"},
      {"Back Squat 4 sets: 3 reps @ 80%", "movement",
       R"json({"sets":4,"reps":{"min":3,"max":3},"percent":{"min":80,"max":80}})json"},
      // Calories and loads of each item of a list.
      {"20 Cal Row, 15 KBS, 10 Burpees", "movement",
       R"json({"grouping":"list","movements":[{"canonical":"row","calories":{"value":20,"unit":"cal"}},{"canonical":"kettlebell swing"},{"canonical":"burpee"}]})json"},
      {"5 Power Cleans (135/95), 10 Thrusters (95/65)", "movement",
       R"json({"movements":[{"load":{"value":135,"alt_value":95,"unit":null}},{"load":{"value":95,"alt_value":65,"unit":null}}],"load":{"value":135,"alt_value":95,"unit":null}})json"},
      // Without brackets: a load with a unit, after "@" or not, or a pair that ends the item.
      {"10 Thrusters @ 95 lb, 10 Pull-ups", "movement",
       R"json({"movements":[{"canonical":"thruster","reps":{"min":10,"max":10},"load":{"value":95,"unit":"lb"}},{"canonical":"pull up","reps":{"min":10,"max":10}}]})json"},
      {"10 DL 225/155 lb, 10 Box Jumps 24/20", "movement",
       R"json({"movements":[{"canonical":"deadlift","load":{"value":225,"alt_value":155,"unit":"lb"}},{"canonical":"box jump","load":{"value":24,"alt_value":20,"unit":null}}]})json"},
      // A rest or a tempo after the sets is no duration of the work.
      {"Snatch: 10 x 1 @ 75%, 60s rest", "movement",
       R"json({"duration_seconds":null,"remark":"60s rest"})json"},
      {"Back Squat 4 x 4 @ 75%, 4 second eccentric", "movement",
       R"json({"duration_seconds":null,"remark":"4 second eccentric"})json"},
      // After sets and reps, a third number is a load with a unit, or a remark with a warning.
      {"Back Squat 5 x 5 x 135 lb", "movement",
       R"json({"sets":5,"reps":{"min":5,"max":5},"load":{"value":135,"unit":"lb"}})json"},
      {"Back Squat 3 x 3 x 80", "movement",
       R"json({"sets":3,"reps":{"min":3,"max":3},"remark":"x 80","warning":"reads no percentage or load from \"80\": write a % sign or a unit"})json"},
      // Loads after "@" above any percentage, in either order.
      {"5 Power Cleans @ 95/135", "movement",
       R"json({"reps":{"min":5,"max":5},"load":{"value":95,"alt_value":135,"unit":null}})json"},
      // A numbered list marker before a count, and a place after a lift's name.
      {"1. 5x5 Back Squat @ 75%", "movement",
       R"json({"movements":[{"canonical":"back squat"}],"sets":5,"percent":{"min":75,"max":75}})json"},
      {"Snatch from the Hang", "movement",
       R"json({"movements":[{"canonical":"snatch from the hang"}]})json"},
      {"@ 70% of the weight used last week", "movement",
       R"json({"percent":{"min":70,"max":70},"of":{"rm":null,"lift":null,"unread":true},"remark":"of the weight used last week"})json"},
      {"Clean & Jerk x 1+1 x 5 @ 75%", "movement",
       R"json({"sets":5,"reps":null,"percent":{"min":75,"max":75},"remark":"1+1"})json"},
      {"Clean & Jerk 1+1 x 5 @ 75%", "movement",
       R"json({"movements":[{"canonical":"clean and jerk"}],"sets":5,"reps":null,"remark":"1+1"})json"},
      // "double" before another word starts a name, so it counts no reps.
      {"Snatch 3x2 @ 75%, 30 Double Unders", "movement",
       R"json({"movements":[{"canonical":"snatch"}],"sets":3,"reps":{"min":2,"max":2},"remark":"30 Double Unders"})json"},
      {"Clean & Jerk: 5 sets of 1+1 @ 80%", "movement",
       R"json({"movements":[{"canonical":"clean and jerk"}],"sets":5,"reps":null,"percent":{"min":80,"max":80},"remark":"1+1"})json"},
      {"Clean and Jerk 5x(1+1) @ 75%", "movement",
       R"json({"movements":[{"canonical":"clean and jerk"}],"sets":5,"reps":null,"percent":{"min":75,"max":75},"remark":"1+1"})json"},
      // The counts of a complex's movements may come first after a colon, then the sets.
      {"Power Clean + Jerk: 1+1 x 5 @ 75%", "movement",
       R"json({"grouping":"complex","sets":5,"movements":[{"canonical":"power clean","count":1},{"canonical":"jerk","count":1}],"percent":{"min":75,"max":75}})json"},
      // A count before an intensity is reps.
      {"5 sets of 3 @ 80%", "scheme",
       R"json({"scheme":{"type":"sets","sets":5},"movement":{"movements":[],"reps":{"min":3,"max":3},"percent":{"min":80,"max":80}}})json"},
      {"Snatch 3 @ 80%", "movement",
       R"json({"movements":[{"canonical":"snatch"}],"reps":{"min":3,"max":3},"percent":{"min":80,"max":80}})json"},
      // "sets" after the second count marks the first one as the reps.
      {"Power Snatch x 2 x 5 sets", "movement", R"json({"reps":{"min":2,"max":2},"sets":5})json"},
      // Without "sets" or "reps", two different counts after "x" may be in either order.
      {"Snatch x 2 x 5 @ 70%", "movement",
       R"json({"sets":2,"reps":{"min":5,"max":5},"warning":"reads the two counts after the name as 2 sets of 5 reps; write \"sets\" or \"reps\" after a count if the order is the other"})json"},
      // A dash between the name and its sets.
      {"Snatch - 5 x 2 @ 75%", "movement",
       R"json({"movements":[{"canonical":"snatch"}],"sets":5,"reps":{"min":2,"max":2},"percent":{"min":75,"max":75}})json"},
      // A count after the intensity of one set gives the sets; after several sets it stays in
      // the remark.
      {"Deadlift 1x5 @ 80% x 3", "movement",
       R"json({"movements":[{"canonical":"deadlift"}],"sets":3,"reps":{"min":5,"max":5},"percent":{"min":80,"max":80}})json"},
      {"Deadlift 2x5 @ 80% x 3", "movement",
       R"json({"sets":2,"reps":{"min":5,"max":5},"percent":{"min":80,"max":80},"remark":"x 3"})json"},
      // Each item of a list may state its own sets when the first one does.
      {"Snatch 3x2 @ 75%, Clean 3x2 @ 80%", "movement",
       R"json({"grouping":"list","sets":null,"percent":null,"movements":[{"canonical":"snatch","sets":3,"reps":{"min":2,"max":2},"percent":{"min":75,"max":75}},{"canonical":"clean","sets":3,"reps":{"min":2,"max":2},"percent":{"min":80,"max":80}}]})json"},
      {"Snatch 3x2 @ 75%, Clean x 2 @ 80%", "movement",
       R"json({"movements":[{"canonical":"snatch"}],"sets":3,"remark":"Clean x 2 @ 80%"})json"},
      // Building up to a top percentage: the percentage is a ceiling, not every set's load.
      {"Snatch - build to 85%", "movement",
       R"json({"movements":[{"name":"Snatch","canonical":"snatch"}],"percent":null,"limit":{"percent":{"min":85,"max":85},"of":null},"remark":"build to"})json"},
      {"Clean, work up to 90% of 1-RM Clean", "movement",
       R"json({"movements":[{"name":"Clean","canonical":"clean"}],"percent":null,"limit":{"percent":{"min":90,"max":90},"of":{"rm":1,"lift":"clean"}},"remark":"work up to"})json"},
      {"Snatch x 2, build up to 80%", "movement",
       R"json({"movements":[{"canonical":"snatch"}],"reps":{"min":2,"max":2},"percent":null,"limit":{"percent":{"min":80,"max":80}}})json"},
  });
}

// Sets written before the movement's name.
TEST(NotationFamilies, RepCountWords) {
  expect_rows({
      // "single", "double" and "triple" count reps after "x" and after a name.
      {"Snatch 5 x single @ 80%", "movement",
       R"json({"movements":[{"name":"Snatch","canonical":"snatch"}],"sets":5,"reps":{"min":1,"max":1},"percent":{"min":80,"max":80}})json"},
      {"Clean 4 x triples", "movement", R"json({"sets":4,"reps":{"min":3,"max":3}})json"},
      {"3 x Single Leg RDL", "movement",
       R"json({"movements":[{"canonical":"single leg romanian deadlift"}],"reps":{"min":3,"max":3}})json"},
      {"Snatch single @ 80%", "movement",
       R"json({"movements":[{"name":"Snatch","canonical":"snatch"}],"reps":{"min":1,"max":1},"percent":{"min":80,"max":80}})json"},
      {"Top single @ 90%", "movement",
       R"json({"movements":[],"reps":{"min":1,"max":1},"percent":{"min":90,"max":90}})json"},
      {"Heavy double @ 85%", "movement",
       R"json({"movements":[],"reps":{"min":2,"max":2},"percent":{"min":85,"max":85}})json"},
      {"Heavy single", "note", "{}"},
      {"30 Double Unders", "movement",
       R"json({"movements":[{"canonical":"double under"}],"reps":{"min":30,"max":30}})json"},
      // Counts of a lift's parts in brackets before its sets.
      {"Clean & Jerk 80% (1+1) x 3", "movement",
       R"json({"sets":3,"reps":null,"percent":{"min":80,"max":80},"remark":"1+1"})json"},
      // Counts of a lift's parts joined by "+" right before its intensity.
      {"Clean & Jerk 1+1 @ 75%", "movement",
       R"json({"movements":[{"canonical":"clean and jerk"}],"percent":{"min":75,"max":75},"remark":"1+1"})json"},
  });
}

TEST(NotationFamilies, SetLabels) {
  expect_rows({
      // Words that name the kind of sets, or a program's day or template, before a colon.
      {"Top set: 1x3 @ 90%", "movement",
       R"json({"movements":[],"sets":1,"reps":{"min":3,"max":3},"percent":{"min":90,"max":90}})json"},
      {"Back-off sets: 3x5 @ 75%", "movement",
       R"json({"movements":[],"sets":3,"reps":{"min":5,"max":5}})json"},
      {"FSL: Back Squat 5x5 @ 75% TM", "movement",
       R"json({"movements":[{"canonical":"back squat"}],"sets":5,"of":{"training_max":true}})json"},
      {"BBB: Bench Press 5x10 @ 50% TM", "movement",
       R"json({"movements":[{"canonical":"bench press"}],"sets":5,"reps":{"min":10,"max":10}})json"},
      {"Volume Day: Back Squat 5x5 @ 90%", "movement",
       R"json({"movements":[{"canonical":"back squat"}],"sets":5})json"},
      {"Sets: 5", "note", "{}"},
      {"Snatch: Daily max, then 3 x 1 @ 90%", "target",
       R"json({"target":{"rm":1,"lift":"snatch"},"remark":"then 3 x 1 @ 90%"})json"},
      {"Snatch \u2013 build to a max for the day", "target",
       R"json({"target":{"rm":1,"lift":"snatch"}})json"},
      {"For load: 1RM Push Jerk in 15 minutes", "target",
       R"json({"target":{"rm":1,"lift":"push jerk"},"duration_seconds":900})json"},
      {"Build to a heavy 3-rep Push Press in 12 minutes", "target",
       R"json({"target":{"rm":3,"lift":"push press"},"duration_seconds":720})json"},
      {"Chipper (cap 30:00):", "scheme",
       R"json({"scheme":{"type":"for_time","time_cap_seconds":1800}})json"},
      {"Chipper \u2013 For time (cap 20:00):", "scheme",
       R"json({"scheme":{"type":"for_time","time_cap_seconds":1200}})json"},
  });
}

TEST(NotationFamilies, SetsBeforeName) {
  expect_rows({
      {"5x5 Back Squat", "movement",
       R"json({"movements":[{"name":"Back Squat","canonical":"back squat"}],"sets":5,"reps":{"min":5,"max":5}})json"},
      {"5 x 5 Back Squat", "movement",
       R"json({"movements":[{"name":"Back Squat","canonical":"back squat"}],"sets":5,"reps":{"min":5,"max":5}})json"},
      {"3 x 8-10 Strict Press @ 70%", "movement",
       R"json({"sets":3,"reps":{"min":8,"max":10},"percent":{"min":70,"max":70}})json"},
      {"4-6 sets of 1-3 reps Snatch", "movement",
       R"json({"movements":[{"name":"Snatch","canonical":"snatch"}],"sets":null,"sets_range":{"min":4,"max":6},"reps":{"min":1,"max":3}})json"},
      {"5 sets of 3 Back Squats", "movement",
       R"json({"movements":[{"canonical":"back squat"}],"sets":5,"reps":{"min":3,"max":3}})json"},
      {"Three sets of 10 Burpees", "movement",
       R"json({"movements":[{"canonical":"burpee"}],"sets":3,"reps":{"min":10,"max":10}})json"},
      {"4 x 400m Run", "movement",
       R"json({"movements":[{"canonical":"run"}],"sets":4,"distance":{"value":400,"unit":"m"},"reps":null})json"},
      {"3 x 10 Air Squats, 10 Push-ups", "movement",
       R"json({"grouping":"list","sets":3,"movements":[{"canonical":"air squat","reps":{"min":10,"max":10}},{"canonical":"push up","reps":{"min":10,"max":10}}]})json"},
      {"Back Squat x 5x5", "movement",
       R"json({"movements":[{"canonical":"back squat"}],"sets":5,"reps":{"min":5,"max":5}})json"},
      {"Back Squat x 5 x 3 @ 80%", "movement",
       R"json({"sets":5,"reps":{"min":3,"max":3},"percent":{"min":80,"max":80}})json"},
      {"Row x 3 x 500m", "movement", R"json({"sets":3,"distance":{"value":500,"unit":"m"}})json"},
  });
}

TEST(NotationFamilies, RepSequences) {
  expect_rows({
      {"Deadlift 5-4-3-2-1", "movement",
       R"json({"sets":5,"rep_scheme":[5,4,3,2,1],"reps":null})json"},
      {"Push Press 3,3,3,3", "movement", R"json({"sets":4,"rep_scheme":[3,3,3,3]})json"},
      {"Snatch Pull 2 2 2 2", "movement", R"json({"sets":4,"rep_scheme":[2,2,2,2]})json"},
      // A ladder's range of reps climbs one rep a set, and the word is set aside.
      {"Ladder 1-10 Power Cleans", "movement",
       R"json({"movements":[{"canonical":"power clean"}],"sets":10,"reps":null,"rep_scheme":[1,2,3,4,5,6,7,8,9,10]})json"},
      {"Ladder 1-2-3-...-10: HSPU", "movement",
       R"json({"movements":[{"canonical":"handstand push up"}],"sets":10,"rep_scheme":[1,2,3,4,5,6,7,8,9,10]})json"},
      {"Front Squat ladder: 1-2-3, 1-2-3 @ 75%", "movement",
       R"json({"movements":[{"name":"Front Squat","canonical":"front squat"}],"sets":6,"rep_scheme":[1,2,3,1,2,3],"percent":{"min":75,"max":75}})json"},
      // A second sequence after a comma continues the first.
      {"Front Squat x 3-2-1, 3-2-1", "movement",
       R"json({"sets":6,"rep_scheme":[3,2,1,3,2,1]})json"},
      // Slashes join reps when there are three or more small counts and no unit follows.
      {"Back Squat 5/5/5/5/5 @ 75%", "movement",
       R"json({"sets":5,"rep_scheme":[5,5,5,5,5],"percent":{"min":75,"max":75}})json"},
      {"Thrusters 95/65 lb x 10", "movement",
       R"json({"sets":null,"reps":{"min":10,"max":10},"load":{"value":95,"alt_value":65,"unit":"lb"}})json"},
      {"Front Squat (4-4-4-4)", "movement", R"json({"sets":4,"rep_scheme":[4,4,4,4]})json"},
      {"21-15-9", "movement", R"json({"movements":[],"sets":3,"rep_scheme":[21,15,9]})json"},
      {"1-2-3-...-10", "movement",
       R"json({"movements":[],"sets":10,"rep_scheme":[1,2,3,4,5,6,7,8,9,10]})json"},
      {"21-15-9 Thrusters, Pull-ups", "movement",
       R"json({"grouping":"list","sets":3,"rep_scheme":[21,15,9],"reps":null,"movements":[{"name":"Thrusters","canonical":"thruster"},{"name":"Pull-ups","canonical":"pull up"}]})json"},
      {"21–15–9: KB Swings, T2B", "movement",
       R"json({"grouping":"list","sets":3,"rep_scheme":[21,15,9],"movements":[{"name":"KB Swings","canonical":"kettlebell swing"},{"name":"T2B","canonical":"toes to bar"}]})json"},
      {"5-4-3-2-1 reps Deadlift", "movement",
       R"json({"movements":[{"canonical":"deadlift"}],"sets":5,"rep_scheme":[5,4,3,2,1]})json"},
      {"(4-4-4-4) Front Squat @ 75%", "movement",
       R"json({"movements":[{"canonical":"front squat"}],"sets":4,"rep_scheme":[4,4,4,4],"percent":{"min":75,"max":75}})json"},
      {"(5-4-3) Back Squat", "movement",
       R"json({"movements":[{"canonical":"back squat"}],"sets":3,"rep_scheme":[5,4,3]})json"},
      {"21-15-9 reps of:", "scheme",
       R"json({"scheme":{"type":"rounds","rounds":3,"sets":null,"rep_scheme":[21,15,9]}})json"},
      {"21-15-9 reps of: Thrusters, Pull-ups", "scheme",
       R"json({"scheme":{"type":"rounds","rounds":3,"rep_scheme":[21,15,9]},"movement":{"grouping":"list","movements":[{"canonical":"thruster"},{"canonical":"pull up"}]}})json"},
      {"21-15-9 for time", "scheme",
       R"json({"scheme":{"type":"for_time","rounds":null,"rep_scheme":[21,15,9]}})json"},
  });
}

// Names without counts, for a rep sequence or a clock stated on another line.
TEST(NotationFamilies, NameLists) {
  expect_rows({
      // An item's intensity before a comma is its own; the others' states none unless it is the
      // last item's after another item's.
      {"3 Front Squats @ 80%, 5 Pull-ups", "movement",
       R"json({"grouping":"list","percent":{"min":80,"max":80},"movements":[{"canonical":"front squat","reps":{"min":3,"max":3}},{"canonical":"pull up","reps":{"min":5,"max":5},"without_intensity":true}]})json"},
      {"3 Front Squats @ 80%, 5 Deadlifts @ 70%", "movement",
       R"json({"grouping":"list","percent":null,"movements":[{"canonical":"front squat","percent":{"min":80,"max":80}},{"canonical":"deadlift","percent":{"min":70,"max":70}}]})json"},
      {"3 Power Cleans @ 70%, rest 1 min", "movement",
       R"json({"reps":{"min":3,"max":3},"percent":{"min":70,"max":70},"remark":"rest 1 min"})json"},
      // A count before a name after a comma starts an item, not a sequence of reps.
      {"Snatch x 2, 10 Air Squats", "movement",
       R"json({"grouping":"list","sets":null,"movements":[{"canonical":"snatch","reps":{"min":2,"max":2}},{"canonical":"air squat","reps":{"min":10,"max":10}}]})json"},
      {"Row 500m, 10 Air Squats", "movement",
       R"json({"grouping":"list","movements":[{"canonical":"row","distance":{"value":500,"unit":"m"}},{"canonical":"air squat","reps":{"min":10,"max":10}}]})json"},
      // Gym movements of the vocabulary, alone or counted.
      {"Burpees Over the Bar", "movement",
       R"json({"movements":[{"canonical":"burpee over the bar"}]})json"},
      {"10 Banded Pull-aparts", "movement",
       R"json({"movements":[{"canonical":"pull apart"}],"reps":{"min":10,"max":10}})json"},
      {"2:00 Jump Rope", "movement",
       R"json({"movements":[{"canonical":"jump rope"}],"duration_seconds":120})json"},
      {"Thrusters, Pull-ups", "movement",
       R"json({"grouping":"list","reps":null,"movements":[{"name":"Thrusters","canonical":"thruster"},{"name":"Pull-ups","canonical":"pull up"}]})json"},
      {"Power Clean, Front Squat, Jerk", "movement",
       R"json({"grouping":"list","movements":[{"canonical":"power clean"},{"canonical":"front squat"},{"canonical":"jerk"}]})json"},
      // Every name must be in the vocabulary, so a word of prose is no movement of a list.
      {"Back Squat, light", "note", R"json({})json"},
      {"Back Squat, Lightweight Bar Complex", "note", R"json({})json"},
  });
}

TEST(NotationFamilies, Complexes) {
  expect_rows({
      {"(Snatch + Hip Snatch) x 1 rep", "movement",
       R"json({"grouping":"complex","movements":[{"canonical":"snatch"},{"canonical":"hip snatch"}],"reps":{"min":1,"max":1}})json"},
      {"1 Hang Clean + 2 Front Squats + 1 Jerk", "movement",
       R"json({"grouping":"complex","reps":null,"movements":[{"name":"Hang Clean","canonical":"hang clean","count":1},{"name":"Front Squats","canonical":"front squat","count":2},{"name":"Jerk","canonical":"jerk","count":1}]})json"},
      {"Clean + Jerk x 1+2 @ 75%", "movement",
       R"json({"grouping":"complex","reps":null,"percent":{"min":75,"max":75},"movements":[{"canonical":"clean","count":1},{"canonical":"jerk","count":2}]})json"},
      {"(Snatch + Overhead Squat) x 1 + 1", "movement",
       R"json({"grouping":"complex","reps":null,"movements":[{"canonical":"snatch","count":1},{"canonical":"overhead squat","count":1}]})json"},
      {"3x [ Deadlift + Row ]", "movement",
       R"json({"grouping":"complex","sets":3,"reps":null,"movements":[{"canonical":"deadlift"},{"canonical":"row"}]})json"},
      {"3x [ Deadlift + Row ] @ 70%", "movement",
       R"json({"sets":3,"percent":{"min":70,"max":70},"movements":[{"canonical":"deadlift"},{"canonical":"row"}]})json"},
      {"3x [ Deadlift + Row ], rest 60 seconds", "movement",
       R"json({"sets":3,"movements":[{"canonical":"deadlift"},{"canonical":"row"}],"remark":"rest 60 seconds"})json"},
  });
}

// Complexes and lists where each movement has its own count.
TEST(NotationFamilies, CountsPerMovement) {
  expect_rows({
      {"3 x Snatch + 2 x OHS", "movement",
       R"json({"grouping":"complex","reps":null,"movements":[{"name":"Snatch","canonical":"snatch","count":3},{"name":"OHS","canonical":"overhead squat","count":2}]})json"},
      {"Snatch x 3 + OHS x 2", "movement",
       R"json({"grouping":"complex","reps":null,"movements":[{"canonical":"snatch","count":3},{"canonical":"overhead squat","count":2}]})json"},
      {"1 x Hang Clean + 2 x Front Squats + 1 x Jerk", "movement",
       R"json({"grouping":"complex","reps":null,"movements":[{"canonical":"hang clean","count":1},{"canonical":"front squat","count":2},{"canonical":"jerk","count":1}]})json"},
      {"Clean x 1 + Front Squat x 2 + Jerk x 1 @ 75%", "movement",
       R"json({"grouping":"complex","reps":null,"percent":{"min":75,"max":75},"movements":[{"canonical":"clean","count":1},{"canonical":"front squat","count":2},{"canonical":"jerk","count":1}]})json"},
      {"Snatch x 3, Clean x 2", "movement",
       R"json({"grouping":"list","reps":null,"movements":[{"name":"Snatch","canonical":"snatch","reps":{"min":3,"max":3}},{"name":"Clean","canonical":"clean","reps":{"min":2,"max":2}}]})json"},
      {"Plank x 30 seconds, Push-ups x 10 reps, Row x 250m", "movement",
       R"json({"grouping":"list","duration_seconds":null,"distance":null,"movements":[{"canonical":"plank","duration_seconds":30},{"canonical":"push up","reps":{"min":10,"max":10}},{"canonical":"row","distance":{"value":250,"unit":"m"}}]})json"},
      {"Hang Power Clean + Push Jerk x 2 reps", "movement",
       R"json({"grouping":"complex","reps":{"min":2,"max":2},"movements":[{"canonical":"hang power clean"},{"canonical":"push jerk"}]})json"},
      {"Back Squat x 5 reps, focus on speed", "movement",
       R"json({"movements":[{"canonical":"back squat"}],"reps":{"min":5,"max":5},"remark":"focus on speed"})json"},
      // An intensity before the first comma is the first movement's. When every movement that
      // states one states the same, it is the line's.
      {"Snatch x 2 @ 70%, Pull-ups x 5", "movement",
       R"json({"grouping":"list","percent":{"min":70,"max":70},"movements":[{"canonical":"snatch","reps":{"min":2,"max":2}},{"canonical":"pull up","reps":{"min":5,"max":5},"without_intensity":true}]})json"},
      {"Snatch x 2 @ 70%, Clean x 2 @ 70%", "movement",
       R"json({"grouping":"list","percent":{"min":70,"max":70},"movements":[{"canonical":"snatch"},{"canonical":"clean"}]})json"},
      // An intensity after the last movement, when the first states none, stays the line's.
      {"Snatch x 1, Clean x 2 @ 80%", "movement",
       R"json({"grouping":"list","percent":{"min":80,"max":80},"movements":[{"canonical":"snatch","reps":{"min":1,"max":1}},{"canonical":"clean","reps":{"min":2,"max":2}}]})json"},
      // It is not for the movements that no percentage can refer to.
      {"10 Burpees, 5 Deadlifts @ 60%", "movement",
       R"json({"grouping":"list","percent":{"min":60,"max":60},"movements":[{"canonical":"burpee","without_intensity":true},{"canonical":"deadlift"}]})json"},
      // A complex is one set, so an intensity before its "+" ends the line.
      {"Snatch x 2 @ 70% + OHS x 2", "movement",
       R"json({"movements":[{"canonical":"snatch"}],"percent":{"min":70,"max":70},"remark":"+ OHS x 2"})json"},
  });
}

TEST(NotationFamilies, SidesAndUnits) {
  expect_rows({
      {"Walking Lunge x 6 reps each leg", "movement",
       R"json({"reps":{"min":6,"max":6},"per_side":true})json"},
      {"Step-ups 8e", "movement", R"json({"reps":{"min":8,"max":8},"per_side":true})json"},
      {"Single-Leg RDL 5 L / 5 R", "movement",
       R"json({"reps":{"min":5,"max":5},"per_side":true})json"},
      {"Side Plank 30 sec e/s", "movement", R"json({"duration_seconds":30,"per_side":true})json"},
      {"10 Lunges e.s.", "movement",
       R"json({"movements":[{"name":"Lunges","canonical":"lunge"}],"reps":{"min":10,"max":10},"per_side":true})json"},
      {"12 ea. side Cossack Squat", "movement",
       R"json({"movements":[{"name":"Cossack Squat","canonical":"cossack squat"}],"reps":{"min":12,"max":12},"per_side":true})json"},
      // A count without "x" right before its side.
      {"Walking Lunges 10 e/s", "movement",
       R"json({"movements":[{"name":"Walking Lunges","canonical":"walking lunge"}],"reps":{"min":10,"max":10},"per_side":true})json"},
      {"Step-ups 8 each leg", "movement", R"json({"reps":{"min":8,"max":8},"per_side":true})json"},
      {"10 DB Rows e/s", "movement",
       R"json({"movements":[{"name":"DB Rows","canonical":"dumbbell row"}],"reps":{"min":10,"max":10},"per_side":true})json"},
      // A side between the count and the name.
      {"10 e/s Walking Lunges", "movement",
       R"json({"movements":[{"name":"Walking Lunges","canonical":"walking lunge"}],"reps":{"min":10,"max":10},"per_side":true})json"},
      {"3 x 10 each arm DB Row", "movement",
       R"json({"movements":[{"name":"DB Row","canonical":"dumbbell row"}],"sets":3,"reps":{"min":10,"max":10},"per_side":true})json"},
      // A side after an item of a list leaves the item's name, and the list goes on. The side is
      // the item's, not the line's.
      {"10 DB Rows e/s, 15 Sit-ups", "movement",
       R"json({"movements":[{"name":"DB Rows","canonical":"dumbbell row","reps":{"min":10,"max":10},"per_side":true},{"name":"Sit-ups","canonical":"sit up","reps":{"min":15,"max":15}}],"grouping":"list","per_side":false})json"},
      {"15 Sit-ups, 10 e/s Walking Lunges", "movement",
       R"json({"movements":[{"name":"Sit-ups","canonical":"sit up","reps":{"min":15,"max":15}},{"name":"Walking Lunges","canonical":"walking lunge","reps":{"min":10,"max":10},"per_side":true}],"grouping":"list","per_side":false})json"},
      {"Hollow Rock x 40 seconds", "movement", R"json({"duration_seconds":40})json"},
      {"L-sit :30 hold", "movement", R"json({"duration_seconds":30})json"},
      {"400m run", "movement",
       R"json({"movements":[{"canonical":"run"}],"distance":{"value":400,"unit":"m"}})json"},
      {"Sled Push 100ft", "movement", R"json({"distance":{"value":100,"unit":"ft"}})json"},
      {"Sled Push 80'", "movement", R"json({"distance":{"value":80,"unit":"ft"}})json"},
      {"30/22 Calories Row", "movement",
       R"json({"calories":{"value":30,"alt_value":22,"unit":"cal"}})json"},
      {"Box Jumps 24/20\"", "movement",
       R"json({"distance":{"value":24,"alt_value":20,"unit":"in"}})json"},
  });
}

TEST(NotationFamilies, PercentAndReference) {
  expect_rows({
      // A drop from the day's top set leaves a percentage of it.
      {"Snatch -10% x 2 x 2", "movement",
       R"json({"sets":2,"reps":{"min":2,"max":2},"percent":{"min":90,"max":90},"of":{"rm":null,"lift":null,"top_set":true}})json"},
      {"-10% x 2 x 2", "movement",
       R"json({"movements":[],"sets":2,"percent":{"min":90,"max":90},"of":{"top_set":true}})json"},
      {"Then drop 10% for 2 x 1", "movement",
       R"json({"movements":[],"sets":2,"reps":{"min":1,"max":1},"percent":{"min":90,"max":90},"of":{"top_set":true}})json"},
      {"Snatch 3x2 - 75%", "movement",
       R"json({"sets":3,"percent":{"min":75,"max":75},"of":null})json"},
      {"Snatch @ 75%", "movement", R"json({"percent":{"min":75,"max":75},"of":null})json"},
      {"Snatch @75%", "movement", R"json({"percent":{"min":75,"max":75}})json"},
      // A rep max whose count is a word.
      {"Back Squat 5 x 5 @ 75% of one rep max", "movement",
       R"json({"percent":{"min":75,"max":75},"of":{"rm":1,"lift":null}})json"},
      {"Front Squat 3x3 @ 80% of your three-rep max", "movement",
       R"json({"percent":{"min":80,"max":80},"of":{"rm":3,"lift":null}})json"},
      {"Clean at 75 percent", "movement", R"json({"percent":{"min":75,"max":75}})json"},
      {"Clean x 2 @ 75-80%", "movement", R"json({"percent":{"min":75,"max":80}})json"},
      {"Jerk x 1 (up to) 85%", "movement",
       R"json({"percent":null,"limit":{"percent":{"min":85,"max":85},"of":null}})json"},
      {"Hang Snatch x 2, stay below 70% of 1-RM Snatch", "movement",
       R"json({"percent":null,"limit":{"percent":{"min":70,"max":70},"of":{"rm":1,"lift":"snatch"}}})json"},
      {"Back Squat x 5 @ 80%, no more than 85%", "movement",
       R"json({"percent":{"min":80,"max":80},"limit":{"percent":{"min":85,"max":85},"of":null}})json"},
      {"Don't go above 85% today", "note",
       R"json({"limit":{"percent":{"min":85,"max":85},"of":null}})json"},
      {"Cap it at 90%", "note", R"json({"limit":{"percent":{"min":90,"max":90},"of":null}})json"},
      // A percentage of something other than a max keeps its words in the remark.
      {"Snatch x 2 @ 70% of the weight used last week", "movement",
       R"json({"percent":{"min":70,"max":70},"of":{"rm":null,"lift":null,"unread":true}})json"},
      {"Snatch Pull x 3 @ 90% of 1-RM Snatch", "movement",
       R"json({"of":{"rm":1,"lift":"snatch"}})json"},
      {"Deadlift x 5 @ 70% of your 1-RM Deadlift", "movement",
       R"json({"of":{"rm":1,"lift":"deadlift"}})json"},
      {"Push Press x 3 @ 80% of 3RM", "movement",
       R"json({"percent":{"min":80,"max":80},"of":{"rm":3,"lift":null}})json"},
      {"Snatch x 1 @ 90% of today's top set", "movement",
       R"json({"of":{"rm":null,"lift":null,"top_set":true}})json"},
      {"Jerk x 2 @ 80% of your best Jerk", "movement",
       R"json({"percent":{"min":80,"max":80},"of":{"rm":1,"lift":"jerk"}})json"},
      {"Split Jerk x 2 @ 80% of your best Clean & Jerk", "movement",
       R"json({"of":{"rm":1,"lift":"clean and jerk"}})json"},
      {"Jerk x 2 @ 80% of your best", "movement", R"json({"of":{"rm":1,"lift":null}})json"},
      {"Clean x 1 @ 95% of today's best", "movement",
       R"json({"of":{"rm":null,"lift":null,"top_set":true}})json"},
      {"Back Squat x 3 @ 90% of the top set", "movement",
       R"json({"of":{"rm":null,"lift":null,"top_set":true}})json"},
      {"*Sets 1-2 = @ 80% of 3RM", "intensity",
       R"json({"sets":{"first":1,"last":2},"of":{"rm":3,"lift":null}})json"},
  });
}

TEST(NotationFamilies, PerSetTables) {
  expect_rows({
      // Rows for the next sets after commas on one line: one step a set.
      {"Set 1 = 70% x 3, Sets 2-3 = 75% x 3", "intensity",
       R"json({"sets":{"first":1,"last":3},"reps":null,"percent":null,"steps":[{"reps":{"min":3,"max":3},"percent":{"min":70,"max":70}},{"percent":{"min":75,"max":75}},{"percent":{"min":75,"max":75}}]})json"},
      // Counts of a lift's parts stay in the remark, as on a movement line.
      {"Set 1 = 70% x 1+1", "intensity",
       R"json({"sets":{"first":1,"last":1},"reps":null,"percent":{"min":70,"max":70},"remark":"1+1"})json"},
      {"*Sets 1-2 = 1+1 @ 70%", "intensity",
       R"json({"sets":{"first":1,"last":2},"reps":null,"percent":{"min":70,"max":70},"remark":"1+1"})json"},
      // The word "set" may be left out of the rows after the first.
      {"Sets 1-3 @ 70%, 4-5 @ 75%", "intensity",
       R"json({"sets":{"first":1,"last":5},"percent":null,"steps":[{"percent":{"min":70,"max":70}},{"percent":{"min":70,"max":70}},{"percent":{"min":70,"max":70}},{"percent":{"min":75,"max":75}},{"percent":{"min":75,"max":75}}]})json"},
      {"Set 1 @ 70%, 2 @ 75%, 3 @ 80%", "intensity",
       R"json({"sets":{"first":1,"last":3},"steps":[{"percent":{"min":70,"max":70}},{"percent":{"min":75,"max":75}},{"percent":{"min":80,"max":80}}]})json"},
      {"Sets 1-3 @ 70%, 5 @ 75%", "intensity",
       R"json({"sets":{"first":1,"last":3},"remark":"5 @ 75%"})json"},
      {"Set 1 = 70% x 3, Set 3 = 80% x 2", "intensity",
       R"json({"sets":{"first":1,"last":1},"percent":{"min":70,"max":70},"remark":"Set 3 = 80% x 2"})json"},
      {"Sets 1, 2, 3 – 70% x 3", "intensity",
       R"json({"sets":{"first":1,"last":3},"reps":{"min":3,"max":3},"percent":{"min":70,"max":70}})json"},
      // "#" before the set number, a comma between two set numbers, and an ordinal.
      {"Set #4 – 80% x 1", "intensity",
       R"json({"sets":{"first":4,"last":4},"reps":{"min":1,"max":1},"percent":{"min":80,"max":80}})json"},
      {"Sets 2, 3 – 75% x 2", "intensity",
       R"json({"sets":{"first":2,"last":3},"reps":{"min":2,"max":2},"percent":{"min":75,"max":75}})json"},
      {"1st set: 5 @ 65%", "intensity",
       R"json({"sets":{"first":1,"last":1},"reps":{"min":5,"max":5},"percent":{"min":65,"max":65}})json"},
      {"*Set 1 = @ 60% of 1-RM Snatch", "intensity",
       R"json({"sets":{"first":1,"last":1},"reps":null,"percent":{"min":60,"max":60},"of":{"rm":1,"lift":"snatch"}})json"},
      {"*Sets 4-5 = @ 75%", "intensity",
       R"json({"sets":{"first":4,"last":5},"percent":{"min":75,"max":75},"of":null})json"},
      {"*Sets 1-2 = 8 reps @ 65-70%", "intensity",
       R"json({"sets":{"first":1,"last":2},"reps":{"min":8,"max":8},"percent":{"min":65,"max":70}})json"},
      // Set 0 is kept as written; the block warns about it.
      {"*Sets 0-2 = @ 75%", "intensity",
       R"json({"sets":{"first":0,"last":2},"percent":{"min":75,"max":75}})json"},
      // A dash may separate the set numbers from the row, as "=" does.
      {"Set 1 - @ 70%", "intensity",
       R"json({"sets":{"first":1,"last":1},"percent":{"min":70,"max":70}})json"},
      {"Set 2 - 5 reps @ 75%", "intensity",
       R"json({"sets":{"first":2,"last":2},"reps":{"min":5,"max":5},"percent":{"min":75,"max":75}})json"},
      // The percentage may come before the reps.
      {"*Set 5 = @ 85% x 1 rep", "intensity",
       R"json({"sets":{"first":5,"last":5},"reps":{"min":1,"max":1},"percent":{"min":85,"max":85}})json"},
      {"Set 3 - 80% x 2", "intensity",
       R"json({"sets":{"first":3,"last":3},"reps":{"min":2,"max":2},"percent":{"min":80,"max":80}})json"},
      {"Set 3 - 5+ reps @ 80%", "intensity",
       R"json({"sets":{"first":3,"last":3},"reps":{"min":5,"max":5},"reps_at_least":true,"percent":{"min":80,"max":80}})json"},
      {"4@70%, 3@76%", "intensity",
       R"json({"sets":{"first":1,"last":2},"steps":[{"reps":{"min":4,"max":4},"percent":{"min":70,"max":70},"of":null},{"reps":{"min":3,"max":3},"percent":{"min":76,"max":76},"of":null}]})json"},
      {"4@70% 3@76%", "intensity",
       R"json({"sets":{"first":1,"last":2},"steps":[{"reps":{"min":4,"max":4},"percent":{"min":70,"max":70}},{"reps":{"min":3,"max":3},"percent":{"min":76,"max":76}}]})json"},
      {"Back Squat 3+ @ 85%", "movement",
       R"json({"movements":[{"canonical":"back squat"}],"reps":{"min":3,"max":3},"reps_at_least":true,"percent":{"min":85,"max":85}})json"},
      {"3+ @ 85%", "intensity",
       R"json({"reps":{"min":3,"max":3},"reps_at_least":true,"percent":{"min":85,"max":85}})json"},
  });
}

// A wave written after the movement's name: each step is one set.
TEST(NotationFamilies, WavesAfterName) {
  const char* const steps =
      R"json([{"reps":{"min":4,"max":4},"percent":{"min":70,"max":70},"of":null},{"reps":{"min":3,"max":3},"percent":{"min":76,"max":76},"of":null}])json";
  const std::string wave =
      std::string(
          R"json({"movements":[{"name":"Back Squat","canonical":"back squat"}],"reps":null,"percent":null,"sets":2,"steps":)json") +
      steps + "}";
  for (const char* text : {"Back Squat x 4@70%, 3@76%", "Back Squat: 4@70%, 3@76%",
                           "Back Squat 4@70% 3@76%", "Back Squat x 4 @ 70%, 3 @ 76%"}) {
    expect_case_and_texturized({text, "movement", wave.c_str()});
  }
  expect_rows({
      {"Snatch x 3 reps @ 70%, 2 reps @ 75%, 1 rep @ 80% of 1-RM Snatch", "movement",
       R"json({"sets":3,"steps":[{"reps":{"min":3,"max":3},"of":{"rm":1,"lift":"snatch"}},{"reps":{"min":2,"max":2},"of":{"rm":1,"lift":"snatch"}},{"percent":{"min":80,"max":80},"of":{"rm":1,"lift":"snatch"}}]})json"},
      {"Front Squat x 5@70%, 3+@80%, focus on speed", "movement",
       R"json({"steps":[{"reps":{"min":5,"max":5}},{"reps":{"min":3,"max":3},"reps_at_least":true}],"remark":"focus on speed"})json"},
      // The percentage first, as weightlifting programs write it: percentage x reps [x sets].
      {"Snatch 70% x 2, 75% x 2, 80% x 1", "movement",
       R"json({"sets":3,"reps":null,"percent":null,"steps":[{"reps":{"min":2,"max":2},"percent":{"min":70,"max":70}},{"reps":{"min":2,"max":2},"percent":{"min":75,"max":75}},{"reps":{"min":1,"max":1},"percent":{"min":80,"max":80}}]})json"},
      // A complex's counts may be written again in each group.
      {"Clean + Jerk: 75% 2x(1+1), 80% 2x(1+1), 85% 3x(1+1)", "movement",
       R"json({"sets":7,"grouping":"complex","movements":[{"canonical":"clean","count":1},{"canonical":"jerk","count":1}],"steps":[{"percent":{"min":75,"max":75}},{"percent":{"min":75,"max":75}},{"percent":{"min":80,"max":80}},{"percent":{"min":80,"max":80}},{"percent":{"min":85,"max":85}},{"percent":{"min":85,"max":85}},{"percent":{"min":85,"max":85}}]})json"},
      {"Snatch + OHS \u2013 70% x 1+2 x 3, 75% x 1+2 x 2", "movement",
       R"json({"sets":5,"movements":[{"canonical":"snatch","count":1},{"canonical":"overhead squat","count":2}]})json"},
      // Sheiko's percentage/reps/sets, one step or several.
      {"Squat 50%/5/1, 60%/4/2, 70%/3/2", "movement",
       R"json({"sets":5,"steps":[{"reps":{"min":5,"max":5},"percent":{"min":50,"max":50}},{"reps":{"min":4,"max":4},"percent":{"min":60,"max":60}},{"reps":{"min":4,"max":4},"percent":{"min":60,"max":60}},{"reps":{"min":3,"max":3},"percent":{"min":70,"max":70}},{"reps":{"min":3,"max":3},"percent":{"min":70,"max":70}}]})json"},
      {"Bench Press 65%/3/2", "movement",
       R"json({"sets":2,"reps":{"min":3,"max":3},"percent":{"min":65,"max":65}})json"},
      {"70%/5", "movement", R"json({"reps":{"min":5,"max":5},"percent":{"min":70,"max":70}})json"},
      // "x N" or "x N sets" after a step of reps @ percentage is that step's sets, as after a
      // percentage x reps step: three singles at 80% in each of these lines.
      {"Snatch: 2 reps @ 70%, 2 @ 75%, 1 @ 80% x 3 sets", "movement",
       R"json({"sets":5,"steps":[{"reps":{"min":2,"max":2},"percent":{"min":70,"max":70}},{"reps":{"min":2,"max":2},"percent":{"min":75,"max":75}},{"reps":{"min":1,"max":1},"percent":{"min":80,"max":80}},{"reps":{"min":1,"max":1},"percent":{"min":80,"max":80}},{"reps":{"min":1,"max":1},"percent":{"min":80,"max":80}}]})json"},
      {"Snatch 2@70%, 2@75%, 1@80% x 3", "movement",
       R"json({"sets":5,"steps":[{"percent":{"min":70,"max":70}},{"percent":{"min":75,"max":75}},{"percent":{"min":80,"max":80}},{"percent":{"min":80,"max":80}},{"percent":{"min":80,"max":80}}]})json"},
      {"Snatch 2@70%, 2@75% x 2, 1@80%", "movement",
       R"json({"sets":4,"steps":[{"percent":{"min":70,"max":70}},{"percent":{"min":75,"max":75}},{"percent":{"min":75,"max":75}},{"percent":{"min":80,"max":80}}]})json"},
      // Percentage over reps, with a step's sets after "x"; loads and heights keep their form.
      {"Snatch 70/2, 75/2, 80/1x3", "movement", R"json({"sets":5,"warning":"reads 70/2 and the like as a percentage over reps; a load in kg or lb needs its unit","steps":[{"reps":{"min":2,"max":2},"percent":{"min":70,"max":70}},{"reps":{"min":2,"max":2},"percent":{"min":75,"max":75}},{"reps":{"min":1,"max":1},"percent":{"min":80,"max":80}},{"reps":{"min":1,"max":1},"percent":{"min":80,"max":80}},{"reps":{"min":1,"max":1},"percent":{"min":80,"max":80}}]})json"},
      {"Snatch 70/2, 75/2, then rest 2 min", "movement",
       R"json({"sets":2,"remark":"then rest 2 min"})json"},
      {"Snatch 80/1 x 3 sets", "movement",
       R"json({"sets":3,"steps":[{"reps":{"min":1,"max":1},"percent":{"min":80,"max":80}},{"percent":{"min":80,"max":80}},{"percent":{"min":80,"max":80}}]})json"},
      {"Thrusters 95/65", "movement",
       R"json({"sets":null,"load":{"value":95,"alt_value":65,"unit":null}})json"},
      {"Box Jump 24/20", "movement",
       R"json({"sets":null,"load":{"value":24,"alt_value":20,"unit":null}})json"},
      {"Thrusters 95/65 x 10", "movement",
       R"json({"reps":{"min":10,"max":10},"load":{"value":95,"alt_value":65,"unit":null}})json"},
      {"21-15-9 Thrusters 95/65, Pull-ups", "movement",
       R"json({"rep_scheme":[21,15,9],"movements":[{"canonical":"thruster"},{"canonical":"pull up"}],"load":{"value":95,"alt_value":65,"unit":null}})json"},
      {"Snatch 70/2 75/2 80/1x3", "movement", R"json({"sets":5})json"},
      // A fraction after a name is a step, not a load, even where the list goes on.
      {"Snatch 70/2, Clean 75/2", "movement", R"json({"sets":1,"remark":"Clean 75/2"})json"},
      // As many reps as possible: at least one, in each set counted before "x".
      {"Pull-ups 3 x AMRAP", "movement",
       R"json({"sets":3,"reps":{"min":1,"max":1},"reps_at_least":true})json"},
      {"Push-ups x max reps", "movement",
       R"json({"sets":null,"reps":{"min":1,"max":1},"reps_at_least":true})json"},
      {"Pull-ups 3×AMRAP", "movement",
       R"json({"sets":3,"reps":{"min":1,"max":1},"reps_at_least":true})json"},
      {"Back Squat 2×10 @ 55%, 1×AMRAP @ 60%", "movement", R"json({"sets":3})json"},
      {"Back Squat 2x10 @ 55%, 1x AMRAP @ 60%", "movement",
       R"json({"sets":3,"steps":[{"reps":{"min":10,"max":10},"percent":{"min":55,"max":55}},{"reps":{"min":10,"max":10}},{"reps":{"min":1,"max":1},"reps_at_least":true,"percent":{"min":60,"max":60}}]})json"},
      // Percentages that name the sets they are for, in brackets: one step a set.
      {"Snatch 6 x 2 @ 75% (sets 1-3), 80% (sets 4-6) of 1-RM Snatch", "movement",
       R"json({"sets":6,"reps":null,"steps":[{"reps":{"min":2,"max":2},"percent":{"min":75,"max":75},"of":{"rm":1,"lift":"snatch"}},{"percent":{"min":75,"max":75}},{"percent":{"min":75,"max":75}},{"percent":{"min":80,"max":80}},{"percent":{"min":80,"max":80}},{"percent":{"min":80,"max":80},"of":{"rm":1,"lift":"snatch"}}]})json"},
      {"Snatch 6 x 2 @ 75% (sets 1-3), 80% (sets 4-6), rest 2 min", "movement",
       R"json({"sets":6,"remark":"rest 2 min"})json"},
      {"Snatch 4x2 @ 75% (sets 1-2), 80% (set 3)", "movement",
       R"json({"sets":4,"warning":"no bracket names set 4 of the 4 sets, so it has no percentage","steps":[{"percent":{"min":75,"max":75}},{"percent":{"min":75,"max":75}},{"percent":{"min":80,"max":80}},{"percent":null}]})json"},
      // Bracket lists, bare ranges after a first "sets", spaced slashes, numbers past the count
      // and numbers named twice.
      {"Snatch 6 x 2 @ 75% (sets 1, 2, 3) / 80% (4-6)", "movement",
       R"json({"sets":6,"steps":[{"percent":{"min":75,"max":75}},{"percent":{"min":75,"max":75}},{"percent":{"min":75,"max":75}},{"percent":{"min":80,"max":80}},{"percent":{"min":80,"max":80}},{"percent":{"min":80,"max":80}}]})json"},
      {"Snatch 4 x 2 @ 75% (sets 1-2), 80% (sets 3-6)", "movement",
       R"json({"sets":4,"warning":"the brackets name sets 5 and 6, past the 4 sets stated: left out","steps":[{"percent":{"min":75,"max":75}},{"percent":{"min":75,"max":75}},{"percent":{"min":80,"max":80}},{"percent":{"min":80,"max":80}}]})json"},
      {"Snatch 6 x 2 @ 75% (sets 1-4), 80% (sets 4-6)", "movement",
       R"json({"sets":6,"warning":"the brackets name set 4 twice: the first percentage is used","steps":[{"percent":{"min":75,"max":75}},{"percent":{"min":75,"max":75}},{"percent":{"min":75,"max":75}},{"percent":{"min":75,"max":75}},{"percent":{"min":80,"max":80}},{"percent":{"min":80,"max":80}}]})json"},
      {"Back Squat 70%x5, 75%x5, 80%x3 x 2", "movement",
       R"json({"sets":4,"steps":[{"percent":{"min":70,"max":70}},{"percent":{"min":75,"max":75}},{"reps":{"min":3,"max":3},"percent":{"min":80,"max":80}},{"reps":{"min":3,"max":3},"percent":{"min":80,"max":80}}]})json"},
      // Reps, then "x" where "@" would be.
      {"Back Squat 5x70%, 5x75%, 5x80%", "movement",
       R"json({"sets":3,"steps":[{"reps":{"min":5,"max":5},"percent":{"min":70,"max":70}},{"percent":{"min":75,"max":75}},{"percent":{"min":80,"max":80}}]})json"},
      {"Back Squat 5x70%", "movement",
       R"json({"reps":{"min":5,"max":5},"percent":{"min":70,"max":70},"sets":null})json"},
      {"Back Squat 3 x 3 x 80%", "movement",
       R"json({"sets":3,"reps":{"min":3,"max":3},"percent":{"min":80,"max":80}})json"},
      {"Snatch 3x2 - 75%", "movement",
       R"json({"sets":3,"reps":{"min":2,"max":2},"percent":{"min":75,"max":75}})json"},
      {"Snatch 3x2 - 75-80%", "movement",
       R"json({"sets":3,"reps":{"min":2,"max":2},"percent":{"min":75,"max":80}})json"},
      // A range of percentages is never a count: this line stays a note rather than 70 reps.
      {"Snatch 3 x 70-75%", "note", R"json({})json"},
      // After a percentage, reps then sets.
      {"Snatch @ 75% x 2 x 3", "movement",
       R"json({"sets":3,"reps":{"min":2,"max":2},"percent":{"min":75,"max":75}})json"},
      {"Snatch x 2 @ 75% x 3", "movement",
       R"json({"sets":3,"reps":{"min":2,"max":2},"percent":{"min":75,"max":75}})json"},
      // Groups of sets after one another, each with its percentage, and percentages listed for
      // the sets of one group: one step a set.
      {"Back Squat 5-5-5 @ 70%, 75%, 80%", "movement",
       R"json({"sets":3,"steps":[{"reps":{"min":5,"max":5},"percent":{"min":70,"max":70}},{"reps":{"min":5,"max":5},"percent":{"min":75,"max":75}},{"reps":{"min":5,"max":5},"percent":{"min":80,"max":80}}]})json"},
      {"Snatch 2x2 @ 70%, 2x2 @ 75%", "movement",
       R"json({"sets":4,"steps":[{"percent":{"min":70,"max":70}},{"percent":{"min":70,"max":70}},{"percent":{"min":75,"max":75}},{"percent":{"min":75,"max":75}}]})json"},
      // Sets x reps after a group's percentage start a group without a comma too.
      {"Back Squat 3x5 @ 70% 2x3 @ 80%", "movement",
       R"json({"sets":5,"steps":[{"reps":{"min":5,"max":5},"percent":{"min":70,"max":70}},{"reps":{"min":5,"max":5},"percent":{"min":70,"max":70}},{"reps":{"min":5,"max":5},"percent":{"min":70,"max":70}},{"reps":{"min":3,"max":3},"percent":{"min":80,"max":80}},{"reps":{"min":3,"max":3},"percent":{"min":80,"max":80}}]})json"},
      {"Back Squat 3x5 @ 70% then 2x3 @ 80%", "movement", R"json({"sets":5})json"},
      {"Snatch 3×2 @ 70% – 2×1 @ 80%", "movement", R"json({"sets":5})json"},
      {"Snatch 3x2 @ 70% and 2x1 @ 80%", "movement", R"json({"sets":5})json"},
      {"Deadlift 3x5 @ 80% \u2014 then 1x10 @ 60%", "movement", R"json({"sets":4})json"},
      {"Deadlift 3x5 @ 80% - and 1x10 @ 60%", "movement", R"json({"sets":4})json"},
      // A line of percentages alone needs no "@".
      {"70-75-80%", "movement",
       R"json({"movements":[],"sets":3,"steps":[{"percent":{"min":70,"max":70}},{"percent":{"min":75,"max":75}},{"percent":{"min":80,"max":80}}]})json"},
      {"70%/75%/80%", "movement", R"json({"movements":[],"sets":3})json"},
      {"Front Squat 3 sets of 5 @ 70% then 2 sets of 3 @ 80%", "movement",
       R"json({"sets":5,"steps":[{"reps":{"min":5,"max":5},"percent":{"min":70,"max":70}},{"reps":{"min":5,"max":5},"percent":{"min":70,"max":70}},{"reps":{"min":5,"max":5},"percent":{"min":70,"max":70}},{"reps":{"min":3,"max":3},"percent":{"min":80,"max":80}},{"reps":{"min":3,"max":3},"percent":{"min":80,"max":80}}]})json"},
      {"Back Squat 3x5 @ 70%, 2x3", "movement",
       R"json({"sets":5,"steps":[{"percent":{"min":70,"max":70}},{"percent":{"min":70,"max":70}},{"percent":{"min":70,"max":70}},{"reps":{"min":3,"max":3},"percent":null},{"reps":{"min":3,"max":3},"percent":null}]})json"},
      {"Snatch x 2 @ 70%, then x 1 @ 80%", "movement",
       R"json({"sets":2,"steps":[{"reps":{"min":2,"max":2},"percent":{"min":70,"max":70}},{"reps":{"min":1,"max":1},"percent":{"min":80,"max":80}}]})json"},
      // A spaced dash before a percentage sequence takes the place of "@".
      {"Clean 2 x 2 – 75/80%", "movement",
       R"json({"sets":2,"steps":[{"reps":{"min":2,"max":2},"percent":{"min":75,"max":75}},{"reps":{"min":2,"max":2},"percent":{"min":80,"max":80}}]})json"},
      // A slash with spaces around it separates groups as a comma does.
      {"Snatch 2x2 @ 70% / 2x1 @ 80%", "movement",
       R"json({"sets":4,"steps":[{"reps":{"min":2,"max":2},"percent":{"min":70,"max":70}},{"reps":{"min":2,"max":2},"percent":{"min":70,"max":70}},{"reps":{"min":1,"max":1},"percent":{"min":80,"max":80}},{"reps":{"min":1,"max":1},"percent":{"min":80,"max":80}}]})json"},
      // Counts after a group without a percentage start a group rather than replace its counts.
      {"Snatch 5x5, 3x3", "movement",
       R"json({"sets":8,"reps":null,"steps":[{"reps":{"min":5,"max":5},"percent":null},{},{},{},{},{"reps":{"min":3,"max":3}},{},{"reps":{"min":3,"max":3},"percent":null}]})json"},
      {"Snatch x 2, x 2, x 1", "movement",
       R"json({"sets":3,"steps":[{"reps":{"min":2,"max":2}},{"reps":{"min":2,"max":2}},{"reps":{"min":1,"max":1}}]})json"},
      // A percentage that only the last group states is the earlier groups' too.
      {"Snatch 3x2, 2x1 @ 80%", "movement",
       R"json({"sets":5,"steps":[{"reps":{"min":2,"max":2},"percent":{"min":80,"max":80}},{},{},{"reps":{"min":1,"max":1},"percent":{"min":80,"max":80}},{}]})json"},
      // A plus before another sets x reps separates groups as a comma does.
      {"Back Squat 3x3 + 1x6 @ 75%", "movement",
       R"json({"sets":4,"steps":[{"reps":{"min":3,"max":3},"percent":{"min":75,"max":75}},{},{},{"reps":{"min":6,"max":6},"percent":{"min":75,"max":75}}]})json"},
      // Back-off sets after a comma, led by words such as "drop to" or "back off".
      {"Snatch x 1 @ 80%, then drop to 70% x 3 x 2", "movement",
       R"json({"sets":3,"steps":[{"reps":{"min":1,"max":1},"percent":{"min":80,"max":80}},{"reps":{"min":3,"max":3},"percent":{"min":70,"max":70}},{"reps":{"min":3,"max":3},"percent":{"min":70,"max":70}}]})json"},
      {"Clean 1 x 1 @ 90%, back off to 80% for 2 x 2", "movement",
       R"json({"sets":3,"steps":[{"reps":{"min":1,"max":1},"percent":{"min":90,"max":90}},{"reps":{"min":2,"max":2},"percent":{"min":80,"max":80}},{"reps":{"min":2,"max":2},"percent":{"min":80,"max":80}}]})json"},
      {"Back Squat 3 x 3 @ 80%, drop down to 70% for 1 set of 5", "movement",
       R"json({"sets":4,"steps":[{"percent":{"min":80,"max":80}},{"percent":{"min":80,"max":80}},{"percent":{"min":80,"max":80}},{"reps":{"min":5,"max":5},"percent":{"min":70,"max":70}}]})json"},
      {"Power Jerk 3 x 1 @ 85%, back off 2x2 @ 72%", "movement",
       R"json({"movements":[{"canonical":"power jerk"}],"sets":5,"steps":[{"reps":{"min":1,"max":1},"percent":{"min":85,"max":85}},{},{},{"reps":{"min":2,"max":2},"percent":{"min":72,"max":72}},{"reps":{"min":2,"max":2},"percent":{"min":72,"max":72}}]})json"},
      {"Snatch x 2 @ 80%, back-off: 3 x 2 @ 70%", "movement",
       R"json({"sets":4,"steps":[{"reps":{"min":2,"max":2},"percent":{"min":80,"max":80}},{"reps":{"min":2,"max":2},"percent":{"min":70,"max":70}},{"reps":{"min":2,"max":2},"percent":{"min":70,"max":70}},{"reps":{"min":2,"max":2},"percent":{"min":70,"max":70}}]})json"},
      // On a line of their own, the lead words are set aside as "Then" is.
      {"Back off 2x2 @ 72%", "movement",
       R"json({"movements":[],"sets":2,"reps":{"min":2,"max":2},"percent":{"min":72,"max":72}})json"},
      {"Then drop to 70% x 3 x 2", "movement",
       R"json({"movements":[],"sets":2,"reps":{"min":3,"max":3},"percent":{"min":70,"max":70}})json"},
      // "for" before the sets and reps of a percentage.
      {"Snatch - 85% for 3 singles", "movement",
       R"json({"sets":3,"reps":{"min":1,"max":1},"percent":{"min":85,"max":85}})json"},
      {"Front Squat @ 75% for 4 x 3", "movement",
       R"json({"sets":4,"reps":{"min":3,"max":3},"percent":{"min":75,"max":75}})json"},
      // Without a count after them, the back-off words stay in the remark.
      {"Snatch x 1 @ 80%, then drop to a double", "movement",
       R"json({"reps":{"min":1,"max":1},"percent":{"min":80,"max":80},"remark":"then drop to a double"})json"},
      {"Front Squat x 3 @ 70%, 75% of 1-RM Back Squat", "movement",
       R"json({"sets":2,"steps":[{"percent":{"min":70,"max":70},"of":{"rm":1,"lift":"back squat"}},{"percent":{"min":75,"max":75},"of":{"rm":1,"lift":"back squat"}}]})json"},
      // A percentage for each set of a rep sequence.
      {"Back Squat 10-8-6-4-2 @ 60-65-70-75-80%", "movement",
       R"json({"sets":5,"steps":[{"reps":{"min":10,"max":10},"percent":{"min":60,"max":60}},{"reps":{"min":8,"max":8},"percent":{"min":65,"max":65}},{"reps":{"min":6,"max":6},"percent":{"min":70,"max":70}},{"reps":{"min":4,"max":4},"percent":{"min":75,"max":75}},{"reps":{"min":2,"max":2},"percent":{"min":80,"max":80}}]})json"},
      {"Front Squat 5-5-5 @ 60-65-70% of Back Squat", "movement",
       R"json({"sets":3,"steps":[{"of":{"rm":1,"lift":"back squat"}},{"of":{"rm":1,"lift":"back squat"}},{"percent":{"min":70,"max":70},"of":{"rm":1,"lift":"back squat"}}]})json"},
      // A tempo code goes to the remark, with the word "tempo" if it leads the code.
      {"Back Squat 4x5 @ 60% 31X1", "movement",
       R"json({"sets":4,"reps":{"min":5,"max":5},"percent":{"min":60,"max":60},"remark":"31X1"})json"},
      {"Tempo Front Squat 32X1 x 4 @ 65%", "movement",
       R"json({"movements":[{"canonical":"tempo front squat"}],"sets":null,"reps":{"min":4,"max":4},"remark":"32X1"})json"},
      // A pause within each rep goes to the remark too, up to the next comma.
      {"Back Squat 4 x 3 @ 70%, 3 sec pause", "movement",
       R"json({"sets":4,"reps":{"min":3,"max":3},"duration_seconds":null,"remark":"3 sec pause"})json"},
      {"Back Squat 4 x 6 @ 70%, tempo 30X1", "movement",
       R"json({"movements":[{"canonical":"back squat"}],"sets":4,"reps":{"min":6,"max":6},"remark":"tempo 30X1"})json"},
      {"Back Squat 5x5, Tempo: 3-1-1", "movement",
       R"json({"movements":[{"canonical":"back squat"}],"sets":5,"remark":"Tempo: 3-1-1"})json"},
      // More than twenty sets is not read from "N x M": "70x2" is a percentage or a load.
      {"Snatch 70x2, 75x2, 80x1", "movement",
       R"json({"sets":null,"reps":null,"remark":"70x2 75x2 80x1"})json"},
      {"Snatch 10x1 @ 75%", "movement", R"json({"sets":10,"reps":{"min":1,"max":1}})json"},
      // A workout's quoted name before a spaced dash or a colon is set aside.
      {"\u201cPartner Chipper\u201d \u2013 For time (30:00 cap):", "scheme",
       R"json({"scheme":{"type":"for_time","time_cap_seconds":1800}})json"},
      {"\"Cindy\" - AMRAP 20 min", "scheme",
       R"json({"scheme":{"type":"amrap","duration_seconds":1200}})json"},
      // Who does the work, before a clock, is set aside too.
      {"In teams of 2, AMRAP 24:", "scheme",
       R"json({"scheme":{"type":"amrap","duration_seconds":1440}})json"},
      {"Teams of 3 - For time:", "scheme", R"json({"scheme":{"type":"for_time"}})json"},
      {"Partner AMRAP 20:", "scheme",
       R"json({"scheme":{"type":"amrap","duration_seconds":1200}})json"},
      {"\u201cFilthy-ish\u201d \u2013 For Time (25:00 cap):", "scheme",
       R"json({"scheme":{"type":"for_time","time_cap_seconds":1500}})json"},
      {"Partner WOD (teams of 2), AMRAP 20:", "scheme",
       R"json({"scheme":{"type":"amrap","duration_seconds":1200}})json"},
      {"Partner A: 400m Run", "movement",
       R"json({"movements":[{"canonical":"run"}],"distance":{"value":400,"unit":"m"}})json"},
      {"Partner 1 \u2013 400m Run", "movement",
       R"json({"movements":[{"name":"Run","canonical":"run"}],"reps":null,"distance":{"value":400,"unit":"m"}})json"},
      {"Team of 3: 150 Wall Balls", "movement",
       R"json({"movements":[{"canonical":"wall ball"}],"reps":{"min":150,"max":150}})json"},
      {"Partner 2: 400m Run", "movement",
       R"json({"movements":[{"canonical":"run"}],"distance":{"value":400,"unit":"m"}})json"},
      // Max calories are counted, as reps are, and name no rep max.
      {"Partner B: Max Cal Assault Bike", "note", "{}"},
      {"Max Calorie Row", "note", "{}"},
      // "k" joined to a number is kilometers.
      {"1k Row", "movement",
       R"json({"movements":[{"name":"Row","canonical":"row"}],"reps":null,"distance":{"value":1,"unit":"km"}})json"},
      {"Run 5k", "movement", R"json({"distance":{"value":5,"unit":"km"}})json"},
      {"Partner Carry 100m", "movement",
       R"json({"movements":[{"canonical":"partner carry"}],"distance":{"value":100,"unit":"m"}})json"},
      // A named complex before a colon, then its movements.
      {"Snatch complex: 1 Snatch Pull + 1 Snatch + 1 Overhead Squat x 5 sets", "movement",
       R"json({"grouping":"complex","sets":5,"movements":[{"canonical":"snatch pull","count":1},{"canonical":"snatch","count":1},{"canonical":"overhead squat","count":1}]})json"},
      // Complex counts in brackets after the name, or in the names, then the sets after "x".
      {"Clean Pull + Clean + Jerk (1+1+1) x 5 @ 78%", "movement",
       R"json({"sets":5,"reps":null,"percent":{"min":78,"max":78},"movements":[{"count":1},{"count":1},{"count":1}]})json"},
      {"Snatch + 2 OHS x 4 @ 70%", "movement",
       R"json({"sets":4,"reps":null,"movements":[{"canonical":"snatch","count":1},{"canonical":"overhead squat","count":2}]})json"},
      // Complex counts after the sets, with or without brackets.
      {"Clean + Jerk 5 x 1+2 @ 75%", "movement",
       R"json({"sets":5,"reps":null,"percent":{"min":75,"max":75},"movements":[{"count":1},{"count":2}]})json"},
      {"Power Clean + Front Squat 4 x (1+3) @ 70%", "movement",
       R"json({"sets":4,"percent":{"min":70,"max":70},"movements":[{"count":1},{"count":3}]})json"},
      // A bracketed sequence after the reps is a tempo, and a bracketed "of" is the reference.
      {"Back Squat 3x5 @ 60% (3-1-1)", "movement",
       R"json({"sets":3,"reps":{"min":5,"max":5},"remark":"(3-1-1)"})json"},
      {"Front Squat 3x3 @ 80% (of Back Squat)", "movement",
       R"json({"percent":{"min":80,"max":80},"of":{"rm":1,"lift":"back squat"}})json"},
      // Sets and a percentage alone are a line of quantities, not a scheme.
      {"3 sets @ 80%", "movement",
       R"json({"movements":[],"sets":3,"percent":{"min":80,"max":80}})json"},
      // More or fewer percentages than sets: a warning names the sets that lose or repeat one.
      {"Back Squat 3 x 5 @ 70%, 75%, 80%, 85%", "movement",
       R"json({"sets":3,"warning":"lists 4 percentages for 3 sets: the percentages past set 3 are left out"})json"},
      {"Back Squat 5 x 5 @ 70%, 75%, 80%", "movement",
       R"json({"sets":5,"warning":"lists 3 percentages for 5 sets: the sets after set 3 repeat the last one"})json"},
      // A percentage or a count of sets ends a rep sequence.
      {"Snatch @ 70% x 2, 75% x 2", "movement",
       R"json({"sets":2,"steps":[{"reps":{"min":2,"max":2},"percent":{"min":70,"max":70}},{"reps":{"min":2,"max":2},"percent":{"min":75,"max":75}}]})json"},
      {"Snatch x 2, 3 sets", "movement", R"json({"sets":3,"reps":{"min":2,"max":2}})json"},
      // A name before "EMOM" keeps the line's numbers.
      {"Snatch EMOM 10 x 2 @ 75%", "movement",
       R"json({"sets":10,"reps":{"min":2,"max":2},"percent":{"min":75,"max":75}})json"},
      // A count without a percentage after a comma adds to the group.
      {"Snatch x 3 @ 70%, 3 sets", "movement",
       R"json({"sets":3,"reps":{"min":3,"max":3},"percent":{"min":70,"max":70}})json"},
      {"Hang Snatch + Snatch x 1+1 x 4 @ 70%", "movement",
       R"json({"sets":4,"reps":null,"percent":{"min":70,"max":70},"movements":[{"count":1},{"count":1}]})json"},
      // Steps that are all the same are sets of the line's reps: three sets of two at 75%.
      {"Clean 75% x 2 x 3", "movement",
       R"json({"sets":3,"reps":{"min":2,"max":2},"percent":{"min":75,"max":75}})json"},
      {"Snatch 75% x 2", "movement",
       R"json({"sets":null,"reps":{"min":2,"max":2},"percent":{"min":75,"max":75}})json"},
      // One step is reps and a percentage, not a wave.
      {"Back Squat x 4@70%", "movement",
       R"json({"reps":{"min":4,"max":4},"percent":{"min":70,"max":70},"sets":null})json"},
      // Two movements, each with its own percentage, are no wave either but a list.
      {"Snatch x 3 @ 70%, Clean x 2 @ 75%", "movement",
       R"json({"grouping":"list","reps":null,"percent":null,"movements":[{"canonical":"snatch","reps":{"min":3,"max":3},"percent":{"min":70,"max":70},"of":null},{"canonical":"clean","reps":{"min":2,"max":2},"percent":{"min":75,"max":75},"of":null}]})json"},
  });
}

TEST(NotationFamilies, RepMaxes) {
  expect_rows({
      // "Max" before "unbroken", "reps" or a plural name means as many reps as possible, not a
      // rep max.
      {"Max Unbroken Pull-ups", "note", R"json({})json"},
      {"Max Burpees in 2 minutes", "note", R"json({})json"},
      // The time allowed after a rep max and its lift.
      {"1RM Snatch in 10 minutes", "target",
       R"json({"target":{"rm":1,"lift":"snatch"},"duration_seconds":600})json"},
      {"Max Back Squat", "target", R"json({"target":{"rm":1,"lift":"back squat"}})json"},
      // A comment after the target is kept in its remark.
      {"Front Squat 3RM, then 2x3 @ 90%", "target",
       R"json({"target":{"rm":3,"lift":"front squat"},"remark":"then 2x3 @ 90%"})json"},
      {"Clean & Jerk – work to a heavy single, then 2x1 @ 90%", "target",
       R"json({"target":{"rm":1,"lift":"clean and jerk"},"remark":"then 2x1 @ 90%"})json"},
      // A lift and a rep max alone on the line.
      {"Deadlift 5RM", "target", R"json({"target":{"rm":5,"lift":"deadlift"}})json"},
      {"C&J 1RM", "target", R"json({"target":{"rm":1,"lift":"clean and jerk"}})json"},
      {"Build to a heavy single in the Snatch", "target",
       R"json({"target":{"rm":1,"lift":"snatch"}})json"},
      {"Build to a heavy 3 in the Back Squat", "target",
       R"json({"target":{"rm":3,"lift":"back squat"}})json"},
      // A longer name that ends like a movement wins over a known lift at its start.
      {"In 20 minutes, establish a 1-RM Snatch Grip Deadlift", "target",
       R"json({"target":{"rm":1,"lift":"snatch grip deadlift"},"duration_seconds":1200})json"},
      // A lift before a colon or a spaced dash, then its rep max.
      {"Back Squat - 5RM", "target", R"json({"target":{"rm":5,"lift":"back squat"}})json"},
      {"Back Squat: 3RM", "target", R"json({"target":{"rm":3,"lift":"back squat"}})json"},
      {"Snatch - heavy single", "target", R"json({"target":{"rm":1,"lift":"snatch"}})json"},
      {"Clean & Jerk - work up to a heavy single", "target",
       R"json({"target":{"rm":1,"lift":"clean and jerk"}})json"},
      // An em dash separates the lift with no spaces around it.
      {"Snatch\u2014build to a heavy single", "target",
       R"json({"target":{"rm":1,"lift":"snatch"}})json"},
      {"Back Squat\u20145x5 @ 75%", "movement",
       R"json({"movements":[{"name":"Back Squat","canonical":"back squat"}],"sets":5,"reps":{"min":5,"max":5},"percent":{"min":75,"max":75}})json"},
      // A variation of a known lift that the vocabulary does not list, before the colon.
      {"Jerk from blocks: build to a heavy single, then 3 x 1 @ 92%", "target",
       R"json({"target":{"rm":1,"lift":"jerk from block"},"remark":"then 3 x 1 @ 92%"})json"},
      {"Snatch from the Hang: build to a heavy single", "target",
       R"json({"target":{"rm":1,"lift":"snatch from the hang"}})json"},
      // After a lift and its colon: the time allowed, or a comment after a comma or a dash.
      {"Clean: 1RM in 15 minutes", "target",
       R"json({"target":{"rm":1,"lift":"clean"},"duration_seconds":900})json"},
      {"Snatch: heavy single, then 3x1 @ 90%", "target",
       R"json({"target":{"rm":1,"lift":"snatch"},"remark":"then 3x1 @ 90%"})json"},
      {"Clean & Jerk \u2014 heavy single \u2014 then 2 x 1 @ 90%", "target",
       R"json({"target":{"rm":1,"lift":"clean and jerk"},"remark":"then 2 x 1 @ 90%"})json"},
      {"Establish a 1-RM Back Squat", "target",
       R"json({"target":{"rm":1,"lift":"back squat"}})json"},
      {"Build to a 10-RM Deadlift", "target", R"json({"target":{"rm":10,"lift":"deadlift"}})json"},
      {"Back Squat x 5-6 reps @ 10-RM Back Squat weight", "movement",
       R"json({"reps":{"min":5,"max":6},"percent":null,"of":{"rm":10,"lift":"back squat"}})json"},
      {"Find a heavy single", "target", R"json({"target":{"rm":1,"lift":null}})json"},
  });
}

TEST(NotationFamilies, Effort) {
  expect_rows({
      {"Back Squat x 5 @ RPE 8", "movement", R"json({"rpe":{"min":8,"max":8}})json"},
      {"Snatch x 2, AHAP", "movement", R"json({"reps":{"min":2,"max":2},"remark":"AHAP"})json"},
      {"Build over the sets", "note", R"json({})json"},
      {"Stay below 70%", "note", R"json({"limit":{"percent":{"min":70,"max":70},"of":null}})json"},
  });
}

TEST(NotationFamilies, Loads) {
  expect_rows({
      {"Thrusters 135/95 lbs", "movement",
       R"json({"load":{"value":135,"alt_value":95,"unit":"lb"}})json"},
      {"Front Squats (60/40 kg)", "movement",
       R"json({"load":{"value":60,"alt_value":40,"unit":"kg"}})json"},
      {"Deadlift 115#", "movement", R"json({"load":{"value":115,"unit":"lb"}})json"},
      {"Power Clean 135# / 95#", "movement",
       R"json({"load":{"value":135,"alt_value":95,"unit":"lb"}})json"},
      {"Men's 135 lb / Women's 95 lb", "movement",
       R"json({"movements":[],"load":{"value":135,"alt_value":95,"unit":"lb"}})json"},
      {"Thrusters Men's 95, Women's 65", "movement",
       R"json({"movements":[{"canonical":"thruster"}],"load":{"value":95,"alt_value":65,"unit":null}})json"},
      // After "@", two numbers without a unit are the men's and the women's load, heavier first.
      {"5 Power Cleans @ 135/95", "movement",
       R"json({"reps":{"min":5,"max":5},"load":{"value":135,"alt_value":95,"unit":null}})json"},
      {"Snatch 3x2 @ 70/75", "movement",
       R"json({"sets":3,"remark":"@ 70/75","warning":"reads no percentage or load from \"@ 70/75\": write a % sign or a unit"})json"},
      {"Clean Pull 4 x 3 @ 95", "movement",
       R"json({"sets":4,"percent":null,"remark":"@ 95","warning":"reads no percentage or load from \"@ 95\": write a % sign or a unit"})json"},
      {"Men 205, Women 145", "movement",
       R"json({"movements":[],"load":{"value":205,"alt_value":145,"unit":null}})json"},
      {"Thrusters (Men: 95 lb, Women: 65 lb)", "movement",
       R"json({"movements":[{"canonical":"thruster"}],"load":{"value":95,"alt_value":65,"unit":"lb"}})json"},
      // Tiers give the load of "Rx", the prescribed one.
      {"Thrusters (Mx 75/55, Rx 95/65, Rx+ 115/75)", "movement",
       R"json({"movements":[{"canonical":"thruster"}],"load":{"value":95,"alt_value":65,"unit":null},"remark":"(Mx 75/55, Rx 95/65, Rx+ 115/75)"})json"},
      {"(Mx 75/55, Rx 95/65, Rx+ 115/75) Thrusters x 10", "movement",
       R"json({"movements":[{"canonical":"thruster"}],"reps":{"min":10,"max":10},"load":{"value":95,"alt_value":65,"unit":null},"remark":"(Mx 75/55, Rx 95/65, Rx+ 115/75)"})json"},
      {"21-15-9 Thrusters (Rx 135/95), Pull-ups", "movement",
       R"json({"movements":[{"canonical":"thruster"},{"canonical":"pull up"}],"sets":3,"grouping":"list","load":{"value":135,"alt_value":95,"unit":null}})json"},
      {"Rx: 95/65, Scaled: 65/45", "movement",
       R"json({"movements":[],"load":{"value":95,"alt_value":65,"unit":null}})json"},
      // The load of another tier alone is a note, not a movement named for the tier.
      {"Scaled: 65/45 lb", "note", "{}"},
      {"Scaled: 65/45 lb, Jumping Pull-ups", "note", "{}"},
      {"Scaled \u2013 Ring Rows", "note", "{}"},
      {"Rx \u2013 95/65 lb", "movement",
       R"json({"movements":[],"load":{"value":95,"alt_value":65,"unit":"lb"}})json"},
      // "Rx" before what the prescribed tier does is a label.
      {"Rx: 10 Thrusters 95/65 lb, 10 Pull-ups", "movement",
       R"json({"grouping":"list","movements":[{"canonical":"thruster"},{"canonical":"pull up"}]})json"},
      // Other text after "Rx:" describes the movements above, and stays a note.
      {"Rx: 60% of 1-RM", "note", "{}"},
      {"Rx: 20/14 lb ball, 135/95 lb", "note", "{}"},
      {"Intermediate: 75/55 lb", "note", "{}"},
      // A bracket after a load may name its tier: the Rx load is the line's, wherever it comes.
      {"Deadlift 5 x 5 @ 225/155 lb (Rx), 185/125 lb (Scaled)", "movement",
       R"json({"sets":5,"load":{"value":225,"alt_value":155,"unit":"lb"},"remark":"(Rx) (Scaled)"})json"},
      {"Deadlift 5 x 5 @ 185/125 lb (Scaled), 225/155 lb (Rx)", "movement",
       R"json({"sets":5,"load":{"value":225,"alt_value":155,"unit":"lb"}})json"},
      {"Deadlift 5 x 5 @ 185/125 lb (Scaled)", "movement",
       R"json({"load":{"value":185,"alt_value":125,"unit":"lb"}})json"},
      // The women's load after a slash, with its own unit.
      {"Back Squat 5 x 5 @ 225 lbs / 155 lbs", "movement",
       R"json({"sets":5,"load":{"value":225,"alt_value":155,"unit":"lb"}})json"},
      {"KB Swings 24 kg/16 kg", "movement",
       R"json({"load":{"value":24,"alt_value":16,"unit":"kg"}})json"},
      {"Thrusters (Mx 75/55, Rx+ 115/75)", "movement",
       R"json({"remark":"(Mx 75/55, Rx+ 115/75)"})json"},
      {"(Light) Snatch x 3", "movement",
       R"json({"movements":[{"name":"Snatch","canonical":"snatch"}],"reps":{"min":3,"max":3},"remark":"(Light)"})json"},
      {"(95/65) Thrusters", "movement",
       R"json({"load":{"value":95,"alt_value":65,"unit":null}})json"},
      {"Hip Thrust 1.5 x BW", "movement", R"json({"load":{"value":1.5,"unit":"bodyweight"}})json"},
      {"Thrusters Men 205, Women 145", "movement",
       R"json({"movements":[{"name":"Thrusters","canonical":"thruster"}],"load":{"value":205,"alt_value":145,"unit":null}})json"},
      {"Thrusters Men: 95 lb, Women: 65 lb", "movement",
       R"json({"movements":[{"name":"Thrusters","canonical":"thruster"}],"load":{"value":95,"alt_value":65,"unit":"lb"}})json"},
  });
}

// A quoted qualifier before or after the name, or "AHAP" before it, is a remark, and the name
// stays the lift's.
TEST(NotationFamilies, QuotedQualifiers) {
  expect_rows({
      {"\"Touch and go\" Power Snatch x 3 @ 70%", "movement",
       R"json({"movements":[{"name":"Power Snatch","canonical":"power snatch"}],"reps":{"min":3,"max":3},"percent":{"min":70,"max":70},"remark":"\"Touch and go\""})json"},
      {"'Touch and go' Power Snatch x 3", "movement",
       R"json({"movements":[{"canonical":"power snatch"}],"reps":{"min":3,"max":3},"remark":"'Touch and go'"})json"},
      {"\"Paused\" Back Squat 5x3 (Light)", "movement",
       R"json({"movements":[{"canonical":"back squat"}],"sets":5,"remark":"\"Paused\" (Light)"})json"},
      {"Power Snatch \"touch and go\" x 3", "movement",
       R"json({"movements":[{"name":"Power Snatch","canonical":"power snatch"}],"reps":{"min":3,"max":3},"remark":"\"touch and go\""})json"},
      {"AHAP Snatch x 1", "movement",
       R"json({"movements":[{"name":"Snatch","canonical":"snatch"}],"reps":{"min":1,"max":1},"remark":"AHAP"})json"},
      {"\"Go heavy today\"", "note", R"json({})json"},
  });
  // Curly quotes read as straight ones.
  expect_case_and_texturized(
      {"\u201CTouch and go\u201D Power Snatch x 3 @ 70%", "movement",
       R"json({"movements":[{"name":"Power Snatch","canonical":"power snatch"}],"remark":"\u201CTouch and go\u201D"})json"});
}

TEST(NotationFamilies, Intervals) {
  expect_rows({
      // Rounds in a bracket that divide the minutes are cycles of several minutes.
      {"EMOM 16 (4 rounds):", "scheme",
       R"json({"scheme":{"type":"interval","every_seconds":60,"duration_seconds":960,"sets":16,"rounds":4}})json"},
      {"EMOM 16 (5 rounds):", "scheme",
       R"json({"scheme":{"sets":5},"warning":"stated 5 sets disagree with duration / interval: 960 s / 60 s = 16 sets"})json"},
      {"E2:30 x 6", "scheme",
       R"json({"scheme":{"type":"interval","every_seconds":150,"duration_seconds":900,"sets":6}})json"},
      {"E1:30MOM x 8", "scheme",
       R"json({"scheme":{"type":"interval","every_seconds":90,"duration_seconds":720,"sets":8}})json"},
      // A time equal to the interval before a count restates the interval.
      {"Every 2' x 5: 3 Power Cleans", "scheme",
       R"json({"scheme":{"type":"interval","every_seconds":120,"duration_seconds":600,"sets":5}})json"},
      {"Every 2 min for 20: 3 Cleans", "scheme",
       R"json({"scheme":{"type":"interval","every_seconds":120,"duration_seconds":1200,"sets":10}})json"},
      // A count and a name after the clock's length are the movement's reps.
      {"EMOM 10 x 2 Clean @ 80%", "scheme",
       R"json({"scheme":{"type":"interval","duration_seconds":600,"sets":10},"movement":{"movements":[{"canonical":"clean"}],"reps":{"min":2,"max":2},"percent":{"min":80,"max":80}}})json"},
      {"EMOM 1:00 x 10", "scheme",
       R"json({"scheme":{"type":"interval","every_seconds":60,"duration_seconds":600,"sets":10}})json"},
      {"E3M x 5", "scheme",
       R"json({"scheme":{"type":"interval","every_seconds":180,"duration_seconds":900,"sets":5}})json"},
      {"EMOM – 10 minutes", "scheme",
       R"json({"scheme":{"type":"interval","every_seconds":60,"duration_seconds":600,"sets":10}})json"},
      // A prime after a clock's length marks minutes.
      {"AMRAP 20’", "scheme", R"json({"scheme":{"type":"amrap","duration_seconds":1200}})json"},
      {"Cap 15'", "scheme", R"json({"scheme":{"type":"for_time","time_cap_seconds":900}})json"},
      // A bracketed comment after the clock goes to the remark.
      {"AMRAP 20 min (Cindy)", "scheme",
       R"json({"scheme":{"type":"amrap","duration_seconds":1200},"movement":{"movements":[],"remark":"(Cindy)"}})json"},
      // An intensity before the colon is the movement's after it, unless it states its own.
      {"EMOM 8 @ 75%: 2 Power Cleans", "scheme",
       R"json({"scheme":{"type":"interval","sets":8},"movement":{"movements":[{"canonical":"power clean"}],"reps":{"min":2,"max":2},"percent":{"min":75,"max":75}}})json"},
      // Text after the colon that no rule reads stays with the scheme in a remark.
      {"Every 4 minutes for 5 rounds: 400m Run + max Burpees", "scheme",
       R"json({"scheme":{"type":"interval","every_seconds":240,"sets":5},"movement":{"movements":[],"remark":"400m Run + max Burpees"}})json"},
      {"Every minute, on the minute, for 7 minutes (7 sets):", "scheme",
       R"json({"scheme":{"type":"interval","every_seconds":60,"duration_seconds":420,"sets":7,"rounds":null}})json"},
      {"EMOM 14", "scheme",
       R"json({"scheme":{"type":"interval","every_seconds":60,"duration_seconds":840,"sets":14}})json"},
      {"On the minute x 10", "scheme",
       R"json({"scheme":{"type":"interval","every_seconds":60,"duration_seconds":600,"sets":10}})json"},
      {"Every 2 minutes, for 16 minutes (8 sets):", "scheme",
       R"json({"scheme":{"type":"interval","every_seconds":120,"duration_seconds":960,"sets":8}})json"},
      {"Every 2:30, for 15 minutes", "scheme",
       R"json({"scheme":{"type":"interval","every_seconds":150,"duration_seconds":900,"sets":6}})json"},
      {"Every 90 seconds x 7", "scheme",
       R"json({"scheme":{"type":"interval","every_seconds":90,"duration_seconds":630,"sets":7}})json"},
      {"Every 4:00 x 4 rounds", "scheme",
       R"json({"scheme":{"type":"interval","every_seconds":240,"duration_seconds":960,"sets":4,"rounds":null}})json"},
      {"14 min EMOM", "scheme",
       R"json({"scheme":{"type":"interval","every_seconds":60,"duration_seconds":840,"sets":14}})json"},
      {"14-minute EMOM:", "scheme",
       R"json({"scheme":{"type":"interval","every_seconds":60,"duration_seconds":840,"sets":14}})json"},
      {"10 min E2MOM", "scheme",
       R"json({"scheme":{"type":"interval","every_seconds":120,"duration_seconds":600,"sets":5}})json"},
      {"12 min EMOM: 3 Power Cleans", "scheme",
       R"json({"scheme":{"type":"interval","every_seconds":60,"duration_seconds":720,"sets":12},"movement":{"movements":[{"canonical":"power clean"}],"reps":{"min":3,"max":3}}})json"},
      {"E90S x 8: 2 Power Cleans", "scheme",
       R"json({"scheme":{"type":"interval","every_seconds":90,"duration_seconds":720,"sets":8},"movement":{"movements":[{"canonical":"power clean"}],"reps":{"min":2,"max":2}}})json"},
      // The clock's length in brackets.
      {"E2MOM x 6 (12 min):", "scheme",
       R"json({"scheme":{"type":"interval","every_seconds":120,"duration_seconds":720,"sets":6}})json"},
      {"EMOM x 10 (10 min):", "scheme",
       R"json({"scheme":{"type":"interval","every_seconds":60,"duration_seconds":600,"sets":10}})json"},
      {"Alternating EMOM 10:", "scheme",
       R"json({"scheme":{"type":"interval","every_seconds":60,"duration_seconds":600,"sets":10}})json"},
      {"1st min: 5 Snatch, 2nd min: 15 KBS", "scheme",
       R"json({"movement":{"grouping":"alternating","movements":[{"canonical":"snatch","minutes":{"first":1,"last":1}},{"canonical":"kettlebell swing","minutes":{"first":2,"last":2}}]}})json"},
      // Minutes that alternate after the clock's colon.
      {"EMOM 10: Odd: 5 Power Cleans, Even: 10 Burpees", "scheme",
       R"json({"scheme":{"type":"interval","sets":10},"movement":{"grouping":"alternating","movements":[{"canonical":"power clean","minutes":{"parity":"odd"}},{"canonical":"burpee","minutes":{"parity":"even"}}]}})json"},
      {"EMOM 10: Min 1 - 3 Power Clean @ 75%, Min 2 - 10 Burpees", "scheme",
       R"json({"scheme":{"type":"interval","sets":10},"movement":{"grouping":"alternating","percent":{"min":75,"max":75},"movements":[{"canonical":"power clean","minutes":{"first":1,"last":1}},{"canonical":"burpee","minutes":{"first":2,"last":2},"without_intensity":true}]}})json"},
  });
}

// Minutes of a running clock: what follows a minute selection is done on those minutes.
TEST(NotationFamilies, AlternatingMinutes) {
  expect_rows({
      // "Alternating" before the clock, or after it and a spaced dash: the list takes turns.
      {"Alternating EMOM 20: 10 Burpees, 15 Wall Balls", "scheme",
       R"json({"movement":{"grouping":"alternating","movements":[{"canonical":"burpee","minutes":{"first":1,"last":1}},{"canonical":"wall ball","minutes":{"first":2,"last":2}}]}})json"},
      {"EMOM 20 \u2014 alternating: 10 Burpees, 15 Wall Balls", "scheme",
       R"json({"movement":{"grouping":"alternating","movements":[{"canonical":"burpee","minutes":{"first":1,"last":1}},{"canonical":"wall ball","minutes":{"first":2,"last":2}}]}})json"},
      {"EMOM 12 (alternating): Power Snatch x 2, Strict Pull-ups x 5", "scheme",
       R"json({"scheme":{"type":"interval","sets":12},"movement":{"grouping":"alternating","movements":[{"canonical":"power snatch","minutes":{"first":1,"last":1,"parity":null}},{"canonical":"strict pull up","minutes":{"first":2,"last":2,"parity":null}}]}})json"},
      {"On the minute, every minute, for 8 minutes: 1 Clean + 1 Jerk @ 80%", "scheme",
       R"json({"scheme":{"type":"interval","every_seconds":60,"sets":8},"movement":{"grouping":"complex","percent":{"min":80,"max":80}}})json"},
      {"Min. 2: 15 Wall Balls", "scheme",
       R"json({"scheme":{"type":"interval","minutes":{"first":2,"last":2,"parity":null}},"movement":{"movements":[{"canonical":"wall ball"}],"reps":{"min":15,"max":15}}})json"},
      {"Odd: 5 Power Cleans, Even: 10 Burpees", "scheme",
       R"json({"scheme":{"type":"interval","every_seconds":60,"duration_seconds":null,"sets":null},"movement":{"grouping":"alternating","reps":null,"movements":[{"name":"Power Cleans","canonical":"power clean","reps":{"min":5,"max":5},"minutes":{"first":null,"last":null,"parity":"odd"}},{"name":"Burpees","canonical":"burpee","reps":{"min":10,"max":10},"minutes":{"first":null,"last":null,"parity":"even"}}]}})json"},
      // Without a colon, a count right after "odd" or "even" starts the minutes' work.
      {"EMOM 10: odd 5 Power Snatches @ 65%, even 10 Toes-to-Bar", "scheme",
       R"json({"scheme":{"type":"interval","sets":10},"movement":{"grouping":"alternating","movements":[{"name":"Power Snatches","canonical":"power snatch","reps":{"min":5,"max":5},"minutes":{"first":null,"last":null,"parity":"odd"}},{"name":"Toes-to-Bar","canonical":"toes to bar","reps":{"min":10,"max":10},"minutes":{"first":null,"last":null,"parity":"even"}}]}})json"},
      {"Odd minutes: 3 Power Cleans @ 75% / Even minutes: 3 Front Squats @ 75%", "scheme",
       R"json({"movement":{"grouping":"alternating","percent":{"min":75,"max":75},"movements":[{"canonical":"power clean","minutes":{"parity":"odd"}},{"canonical":"front squat","minutes":{"parity":"even"}}]}})json"},
      // Minutes with different percentages: each movement keeps its own, and the line has none.
      {"Odd: 2 Snatch @ 70%, Even: 2 Clean @ 80% of 1-RM Clean", "scheme",
       R"json({"movement":{"grouping":"alternating","percent":null,"movements":[{"canonical":"snatch","percent":{"min":70,"max":70},"of":null},{"canonical":"clean","percent":{"min":80,"max":80},"of":{"rm":1,"lift":"clean"}}]}})json"},
      {"Min 1: 12 Cal Row, Min 2: 8 Burpees, Min 3: Rest", "scheme", R"json({"movement":{"grouping":"alternating","movements":[{"canonical":"row","minutes":{"first":1,"last":1}},{"canonical":"burpee","reps":{"min":8,"max":8},"minutes":{"first":2,"last":2}},{"name":"Rest","canonical":"rest","minutes":{"first":3,"last":3}}]}})json"},
      {"Odd: 5 Power Cleans", "scheme",
       R"json({"scheme":{"type":"interval","every_seconds":120,"duration_seconds":null,"sets":null,"minutes":{"first":null,"last":null,"parity":"odd"}},"movement":{"movements":[{"canonical":"power clean"}],"reps":{"min":5,"max":5}}})json"},
      {"Even:", "scheme",
       R"json({"scheme":{"type":"interval","every_seconds":120,"minutes":{"parity":"even"}}})json"},
      {"Minute 3 = rest", "rest",
       R"json({"rest_seconds":60,"minutes":{"first":3,"last":3,"parity":null}})json"},
      {"Minutes 5 to 9:", "scheme",
       R"json({"scheme":{"type":"interval","every_seconds":60,"duration_seconds":300,"sets":5,"minutes":{"first":5,"last":9,"parity":null}}})json"},
      {"Minutes 1-4: 10 Wall Balls", "scheme",
       R"json({"scheme":{"type":"interval","every_seconds":60,"duration_seconds":240,"sets":4,"minutes":{"first":1,"last":4}},"movement":{"movements":[{"canonical":"wall ball"}],"reps":{"min":10,"max":10}}})json"},
      // After one minute, a spaced dash before a count and a name introduces the minute's work.
      {"Min 1 - 15 Cal Row", "scheme",
       R"json({"scheme":{"type":"interval","every_seconds":60,"sets":1,"minutes":{"first":1,"last":1}},"movement":{"movements":[{"canonical":"row"}],"calories":{"value":15,"unit":"cal"}}})json"},
      {"Minutes 1 - 4 Snatch x 2", "scheme",
       R"json({"scheme":{"type":"interval","sets":4,"minutes":{"first":1,"last":4}},"movement":{"movements":[{"canonical":"snatch"}],"reps":{"min":2,"max":2}}})json"},
  });
}

TEST(NotationFamilies, ClockWindows) {
  expect_rows({
      {"From 20:00 - 32:00", "note",
       R"json({"window":{"from_seconds":1200,"to_seconds":1920}})json"},
      {"From 20:00 - 32:00: AMRAP of 3 Pull-ups, 6 Push-ups", "scheme",
       R"json({"scheme":{"type":"amrap","duration_seconds":720,"window":{"from_seconds":1200,"to_seconds":1920}},"movement":{"grouping":"list"}})json"},
      {"Minutes 0-12: AMRAP", "scheme",
       R"json({"scheme":{"type":"amrap","duration_seconds":720,"window":{"from_seconds":0,"to_seconds":720}}})json"},
      {"From 0:00 - 5:00: 500m Row", "note",
       R"json({"window":{"from_seconds":0,"to_seconds":300}})json"},
      {"At the 11 minute mark, start the run", "note",
       R"json({"window":{"from_seconds":660,"to_seconds":null}})json"},
  });
}

TEST(NotationFamilies, TimedWork) {
  expect_rows({
      {"AMRAP 12", "scheme", R"json({"scheme":{"type":"amrap","duration_seconds":720}})json"},
      {"12 min AMRAP", "scheme", R"json({"scheme":{"type":"amrap","duration_seconds":720}})json"},
      {"As many rounds as possible in 12 minutes of:", "scheme",
       R"json({"scheme":{"type":"amrap","duration_seconds":720}})json"},
      {"AMRAP 7: 3 Pull-ups, 6 Push-ups", "scheme",
       R"json({"scheme":{"type":"amrap","duration_seconds":420},"movement":{"grouping":"list"}})json"},
      {"For time:", "scheme", R"json({"scheme":{"type":"for_time","rounds":null}})json"},
      {"5 Rounds for time of:", "scheme", R"json({"scheme":{"type":"for_time","rounds":5}})json"},
      {"4 rounds, not for time:", "scheme", R"json({"scheme":{"type":"rounds","rounds":4}})json"},
      {"3 Rounds for quality:", "scheme", R"json({"scheme":{"type":"rounds","rounds":3}})json"},
      {"For quality, 3 rounds:", "scheme", R"json({"scheme":{"type":"rounds","rounds":3}})json"},
      {"5 Rounds for quality: 10 Push-ups", "scheme",
       R"json({"scheme":{"type":"rounds","rounds":5},"movement":{"movements":[{"canonical":"push up"}]}})json"},
      {"21-15-9:", "scheme",
       R"json({"scheme":{"type":"rounds","rounds":3,"rep_scheme":[21,15,9]}})json"},
      {"21-15-9", "movement", R"json({"movements":[],"sets":3,"rep_scheme":[21,15,9]})json"},
      {"3 Rounds, Not For Time: 10 Push-ups, 10 Sit-ups", "scheme",
       R"json({"scheme":{"type":"rounds","rounds":3},"movement":{"grouping":"list"}})json"},
      {"Time cap: 14 minutes", "scheme",
       R"json({"scheme":{"type":"for_time","time_cap_seconds":840}})json"},
      {"TC: 12 min", "scheme", R"json({"scheme":{"type":"for_time","time_cap_seconds":720}})json"},
      // A rep sequence alone after "For time:" is the scheme's.
      {"For time: 21-15-9", "scheme",
       R"json({"scheme":{"type":"for_time","rep_scheme":[21,15,9]}})json"},
      {"For time, 14 min cap", "scheme",
       R"json({"scheme":{"type":"for_time","time_cap_seconds":840}})json"},
      {"For time (14:00 time cap):", "scheme",
       R"json({"scheme":{"type":"for_time","time_cap_seconds":840}})json"},
      {"Cap: 9 minutes", "scheme",
       R"json({"scheme":{"type":"for_time","time_cap_seconds":540}})json"},
      {"In 24 minutes, establish a 1-RM Back Squat", "target",
       R"json({"target":{"rm":1,"lift":"back squat"},"duration_seconds":1440})json"},
      {"Tabata", "scheme",
       R"json({"scheme":{"type":"tabata","rounds":8,"work_seconds":20,"rest_seconds":10}})json"},
      {"20 seconds on, 10 seconds off", "scheme",
       R"json({"scheme":{"type":"interval","every_seconds":30,"work_seconds":20,"rest_seconds":10}})json"},
      {"4 rounds: 3:00 on, 1:00 off", "scheme",
       R"json({"scheme":{"type":"interval","work_seconds":180,"rest_seconds":60,"every_seconds":240,"sets":4}})json"},
      {"4 x 3:00 on, 1:00 off", "scheme",
       R"json({"scheme":{"type":"interval","work_seconds":180,"rest_seconds":60,"sets":4}})json"},
      {"8 rounds of 20 seconds on, 10 seconds off", "scheme",
       R"json({"scheme":{"type":"interval","every_seconds":30,"sets":8,"duration_seconds":240,"work_seconds":20,"rest_seconds":10}})json"},
      {"Row 2000m for time", "movement",
       R"json({"movements":[{"canonical":"row"}],"distance":{"value":2000,"unit":"m"}})json"},
      {"3 x 30 sec L-Sit", "movement",
       R"json({"movements":[{"canonical":"l sit"}],"sets":3,"duration_seconds":30})json"},
  });
}

TEST(NotationFamilies, Sequencing) {
  expect_rows({
      {"Followed by...", "note", R"json({})json"},
      {"Rest 3 minutes, then:", "rest", R"json({"rest_seconds":180})json"},
      // "Then" before quantities leads to the next sets of the same movement.
      {"Then 3 x 2 @ 75%", "movement",
       R"json({"movements":[],"sets":3,"reps":{"min":2,"max":2},"percent":{"min":75,"max":75}})json"},
      {"Then:", "note", R"json({})json"},
      {"Rest 2'", "rest", R"json({"rest_seconds":120})json"},
      {"Rest 90\"", "rest", R"json({"rest_seconds":90})json"},
      {"Rest exactly 90s", "rest", R"json({"rest_seconds":90})json"},
      {"Rest 2-3' between sets", "rest", R"json({"rest_seconds":120,"rest_max_seconds":180})json"},
      {"and then,", "note", R"json({})json"},
  });
}

// Bullets before a prescription are set aside; other text around the workout stays a note.
TEST(NotationFamilies, Noise) {
  expect_rows({
      {"\u2022 Back Squat 5x5 @ 75%", "movement",
       R"json({"movements":[{"canonical":"back squat"}],"sets":5,"reps":{"min":5,"max":5},"percent":{"min":75,"max":75}})json"},
      {"- 3 x Snatch + 2 x OHS", "movement",
       R"json({"grouping":"complex","movements":[{"canonical":"snatch","count":3},{"canonical":"overhead squat","count":2}]})json"},
      {"\u2022 Rest 90 seconds", "rest", R"json({"rest_seconds":90})json"},
      {"-5x5 Back Squat", "movement",
       R"json({"movements":[{"name":"Back Squat","canonical":"back squat"}],"sets":5,"reps":{"min":5,"max":5}})json"},
      {"\u20225x5 Back Squat", "movement",
       R"json({"movements":[{"canonical":"back squat"}],"sets":5,"reps":{"min":5,"max":5}})json"},
      {"-Back Squat x 5 @ 75%", "movement",
       R"json({"movements":[{"name":"Back Squat","canonical":"back squat"}],"reps":{"min":5,"max":5}})json"},
      {"Previous Post", "note", R"json({})json"},
      // A clock of no length is no scheme.
      {"Every 0:00 x 5", "note", R"json({})json"},
      {"EMOM 0", "note", R"json({})json"},
      // A date line names no movement, whatever its numbers look like.
      {"TUESDAY 02-04-20", "note", R"json({})json"},
      {"Friday 12.25.20", "note", R"json({})json"},
      {"March 9, 2020", "note", R"json({})json"},
      {"2020-03-09", "note", R"json({})json"},
      // Words that are not lifts never become a movement's name.
      {"First 2 sets @ 70%, last 3 sets @ 80%", "note", R"json({})json"},
      {"Max reps strict pull-ups", "note", R"json({})json"},
      // A label before a prescription is set aside like a list marker.
      {"Part A - Snatch 5x2 @ 75%", "movement",
       R"json({"movements":[{"name":"Snatch","canonical":"snatch"}],"sets":5,"reps":{"min":2,"max":2}})json"},
      {"Week 1: Back Squat 5x5 @ 70%", "movement",
       R"json({"movements":[{"name":"Back Squat","canonical":"back squat"}],"sets":5})json"},
      {"Week 1, Day 4: Back Squat 10x3 @ 85%", "movement",
       R"json({"movements":[{"name":"Back Squat","canonical":"back squat"}],"sets":10,"reps":{"min":3,"max":3},"percent":{"min":85,"max":85}})json"},
      {"Session 2 - Deadlift 5 x 3 @ 75%", "movement",
       R"json({"movements":[{"name":"Deadlift","canonical":"deadlift"}],"sets":5,"reps":{"min":3,"max":3}})json"},
      // A comma after a label joins it only to another label.
      {"Week 1, heavy", "note", R"json({})json"},
      {"Complex: Power Clean + Hang Clean + Jerk x 5 sets @ 70%", "movement",
       R"json({"grouping":"complex","sets":5,"percent":{"min":70,"max":70}})json"},
      // A part's name or letter before a spaced dash is a label.
      {"Strength – Push Press 4×4 @ 75%", "movement",
       R"json({"movements":[{"name":"Push Press","canonical":"push press"}],"sets":4,"reps":{"min":4,"max":4}})json"},
      {"A - Push Press 4x4 @ 75%", "movement",
       R"json({"movements":[{"name":"Push Press","canonical":"push press"}],"sets":4})json"},
      {"Strength 2 - Push Press 4x4 @ 75%", "movement",
       R"json({"movements":[{"name":"Push Press","canonical":"push press"}],"sets":4})json"},
      // A part's name before a colon, as the text after a letter label: "C. Cash-out: 500m Row".
      {"Cash-out: 500m Row", "movement",
       R"json({"movements":[{"name":"Row","canonical":"row"}],"distance":{"value":500,"unit":"m"}})json"},
      {"Warm up \u2014 500m Row, 10 Air Squats", "movement",
       R"json({"movements":[{"name":"Row","canonical":"row"},{"name":"Air Squats","canonical":"air squat"}],"grouping":"list"})json"},
      // A week of a named program between the lift and its sets. The percentages of a 5/3/1 week
      // are of the training max, as that program defines them.
      {"Deadlift: 5/3/1 week: 65%x5, 75%x5, 85%x5+", "movement",
       R"json({"movements":[{"name":"Deadlift","canonical":"deadlift"}],"sets":3,"steps":[{"reps":{"min":5,"max":5},"percent":{"min":65,"max":65},"of":{"rm":null,"lift":null,"training_max":true}},{"reps":{"min":5,"max":5},"percent":{"min":75,"max":75},"of":{"rm":null,"lift":null,"training_max":true}},{"reps":{"min":5,"max":5},"reps_at_least":true,"percent":{"min":85,"max":85},"of":{"rm":null,"lift":null,"training_max":true}}]})json"},
      {"Deadlift - 5/3/1 Week 3: 75%x5, 85%x3, 95%x1+", "movement",
       R"json({"movements":[{"name":"Deadlift","canonical":"deadlift"}],"sets":3})json"},
      // The program's name alone after the lift, above the lines of its sets.
      {"Deadlift 5/3/1", "movement",
       R"json({"movements":[{"name":"Deadlift","canonical":"deadlift"}],"sets":null,"reps":null})json"},
      {"Press 5/3/1 Week 3", "movement",
       R"json({"movements":[{"name":"Press","canonical":"press"}],"sets":null})json"},
      {"Deadlift 5/3/1: 70% x 3, 80% x 3, 90% x 3+", "movement",
       R"json({"sets":3,"steps":[{"of":{"training_max":true}},{"of":{"training_max":true}},{"of":{"training_max":true}}]})json"},
      {"Back Squat: Week 2: 3x5 @ 75%", "movement",
       R"json({"movements":[{"name":"Back Squat","canonical":"back squat"}],"sets":3,"reps":{"min":5,"max":5},"percent":{"min":75,"max":75},"of":null})json"},
      {"Snatch: week 2", "note", R"json({})json"},
      // "Superset" and "Circuit" before a count name how the movements below are done.
      {"Superset 4 sets:", "scheme", R"json({"scheme":{"type":"sets","sets":4}})json"},
      {"Superset (4 sets):", "scheme", R"json({"scheme":{"type":"sets","sets":4}})json"},
      {"Circuit, 3 rounds:", "scheme", R"json({"scheme":{"type":"rounds","rounds":3}})json"},
      {"Superset 4 sets: Bench Press x 6, Chin-ups x 6", "scheme",
       R"json({"scheme":{"type":"sets","sets":4},"movement":{"grouping":"list"}})json"},
      {"Superset (4 sets): Bench Press x 8, Pull-ups x 8", "scheme",
       R"json({"scheme":{"type":"sets","sets":4},"movement":{"grouping":"list","movements":[{"name":"Bench Press","canonical":"bench press"},{"name":"Pull-ups","canonical":"pull up"}]}})json"},
      // "x" before the count: a superset's sets, a circuit's rounds.
      {"Superset x 3: 10 Dips, 10 Pull-ups", "scheme",
       R"json({"scheme":{"type":"sets","sets":3},"movement":{"grouping":"list","movements":[{"name":"Dips","canonical":"dip","reps":{"min":10,"max":10}},{"name":"Pull-ups","canonical":"pull up","reps":{"min":10,"max":10}}]}})json"},
      {"Superset (x3): 10 Dips, 10 Pull-ups", "scheme",
       R"json({"scheme":{"type":"sets","sets":3},"movement":{"grouping":"list"}})json"},
      {"Superset x3", "scheme", R"json({"scheme":{"type":"sets","sets":3}})json"},
      {"Circuit x 4:", "scheme", R"json({"scheme":{"type":"rounds","rounds":4}})json"},
      // Sets and reps before a colon and the names that do them.
      {"Superset 3 x 10: Dips, Pull-ups", "movement",
       R"json({"sets":3,"reps":{"min":10,"max":10},"grouping":"list","movements":[{"name":"Dips","canonical":"dip"},{"name":"Pull-ups","canonical":"pull up"}]})json"},
      {"3 x 10: Dips, Pull-ups", "movement",
       R"json({"sets":3,"reps":{"min":10,"max":10},"grouping":"list"})json"},
      {"3 sets of 10 reps: Dips, Pull-ups", "movement",
       R"json({"sets":3,"reps":{"min":10,"max":10},"grouping":"list"})json"},
      {"3 x 10: 10 Dips, Pull-ups", "note", R"json({})json"},
      // An increase from set to set stays in the remark, with a warning that loads leave it out.
      {"Back Squat 5 x 5 @ 75% of 1RM, add 5 lb each set", "movement",
       R"json({"sets":5,"remark":"add 5 lb each set","warning":"raises the weight from set to set, which the loads leave out: add the increase to each set by hand"})json"},
      {"Snatch 5x2 @ 70%, add weight every set", "movement",
       R"json({"sets":5,"warning":"raises the weight from set to set, which the loads leave out: add the increase to each set by hand"})json"},
      {"Bench Press 5x5 @ 135 lb, add 5 lb each set", "movement",
       R"json({"sets":5,"warning":"raises the weight from set to set, which the loads leave out: add the increase to each set by hand"})json"},
      {"Bench Press 3x5 @ 80%, rest 2 min between each set", "movement", R"json({"sets":3})json"},
      {"12", "note", R"json({})json"},
      {"[gallery ids=\"4,5\"]", "note", R"json({})json"},
  });
}

}  // namespace
}  // namespace wodetl::prescription
