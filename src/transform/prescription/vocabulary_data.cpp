// Copy of data/exercises.toml, embedded so that the parser reads no file at run time.
// EmbeddedVocabulary.MatchesDataFile fails when the two differ: paste the file between the
// delimiters below after every edit.

#include "transform/prescription/vocabulary.hpp"

namespace wodetl::prescription {

std::string_view embedded_vocabulary_toml() {
  static constexpr std::string_view kText =
      R"toml(# Exercise vocabulary of the prescription parser (src/transform/prescription).
#
# The parser embeds a copy of this file in src/transform/prescription/vocabulary_data.cpp; the test
# EmbeddedVocabulary.MatchesDataFile fails until the two are equal, so edit this file and then
# paste it into that raw string literal.
#
# Every name below is read in canonical form: lower case, "&" read as "and", hyphens and other
# punctuation read as spaces, abbreviations expanded and the last word made singular. "C&J",
# "Sots Press" and "sots-press" are therefore the same key.

# Abbreviations, expanded word by word. The last word of a name is looked up as written and, when
# it is not found, again once made singular ("dbs" and "pushups" both work).
[abbreviations]
bb = "barbell"
bmu = "bar muscle up"
bs = "back squat"
btn = "behind the neck"
c2b = "chest to bar"  # so "C2B Pull-ups" is not "chest to bar pull up pull up"
cj = "clean and jerk"
db = "dumbbell"
dbs = "dumbbell"
dl = "deadlift"
dls = "deadlift"
du = "double under"
dus = "double under"
fs = "front squat"
hspu = "handstand push up"
hspus = "handstand push up"
k2e = "knees to elbow"
kb = "kettlebell"
kbs = "kettlebell swing"
mu = "muscle up"
ohs = "overhead squat"
rdl = "romanian deadlift"
rdls = "romanian deadlift"
rmu = "ring muscle up"
sdhp = "sumo deadlift high pull"
sgdl = "snatch grip deadlift"
t2b = "toes to bar"
ttb = "toes to bar"
wb = "wall ball"
wbs = "wall ball"

# One-word spellings of names written as two words elsewhere, replaced the same way.
[spellings]
chinup = "chin up"
pullup = "pull up"
pushup = "push up"
situp = "sit up"

# Making the last word singular: a trailing "s" is dropped ("squats"), "es" after ch, sh, ss, x
# and z ("snatches", "presses"), "ies" becomes "y". Words ending in "ss", "us" or "is" keep their
# ending. These words are also kept as they are.
[singular]
keep = ["abs", "biceps", "lats", "pecs", "series", "triceps"]

# Last words that make a phrase a movement name when it stands without a rep count or "x"
# ("Slow Pull Power Snatch", "10 Jumping Lunges"). Compared with the canonical last word.
[heads]
words = [
  "ball", "balance", "bike", "bridge", "burpee", "carry", "clean", "climb", "climber", "crawl",
  "crunch", "curl", "deadlift", "dip", "drag", "extension", "fly", "hold", "jack", "jerk", "jump",
  "lunge", "morning", "plank", "press", "pull", "pulldown", "push", "raise", "row", "run", "sit",
  "ski", "snatch", "split", "sprint", "squat", "step", "swim", "swing", "thrust", "thruster",
  "twist", "under", "up", "walk", "windmill",
]

# Movements: the canonical name, other spellings that mean the same movement, and whether it is
# a lift that a rep max or a percentage can refer to ("of 1-RM Clean & Jerk").
[[movement]]
name = "snatch"
lift = true
aliases = ["full snatch", "squat snatch"]

[[movement]]
name = "power snatch"
lift = true

[[movement]]
name = "hang snatch"
lift = true

[[movement]]
name = "hip snatch"

[[movement]]
name = "muscle snatch"

[[movement]]
name = "tall snatch"

[[movement]]
name = "snatch balance"

[[movement]]
name = "snatch high pull"

[[movement]]
name = "snatch pull"

[[movement]]
name = "snatch deadlift"
lift = true

[[movement]]
name = "snatch press from receiving"

[[movement]]
name = "clean"
lift = true
aliases = ["full clean", "squat clean"]

[[movement]]
name = "power clean"
lift = true

[[movement]]
name = "hang clean"
lift = true

[[movement]]
name = "muscle clean"

[[movement]]
name = "clean high pull"

[[movement]]
name = "clean pull"

[[movement]]
name = "clean deadlift"
lift = true

[[movement]]
name = "jerk"
lift = true

[[movement]]
name = "split jerk"
lift = true

[[movement]]
name = "push jerk"
lift = true

[[movement]]
name = "power jerk"
lift = true

[[movement]]
name = "clean and jerk"
lift = true
aliases = ["c and j", "clean jerk"]

[[movement]]
name = "power clean and power jerk"
lift = true

[[movement]]
name = "power clean and jerk"
lift = true

[[movement]]
name = "back squat"
lift = true

[[movement]]
name = "front squat"
lift = true

[[movement]]
name = "overhead squat"
lift = true

[[movement]]
name = "air squat"
aliases = ["bodyweight squat"]

[[movement]]
name = "goblet squat"

[[movement]]
name = "deadlift"
lift = true

[[movement]]
name = "romanian deadlift"
lift = true

[[movement]]
name = "sumo deadlift high pull"

[[movement]]
name = "press"
lift = true
aliases = ["strict press", "shoulder press", "overhead press"]

[[movement]]
name = "push press"
lift = true

[[movement]]
name = "bench press"
lift = true
aliases = ["bench"]

[[movement]]
name = "press in split"

[[movement]]
name = "press in clean"
aliases = ["sots press"]

[[movement]]
name = "push up"

[[movement]]
name = "pull up"

[[movement]]
name = "chin up"

[[movement]]
name = "sit up"

[[movement]]
name = "v up"

[[movement]]
name = "handstand push up"

[[movement]]
name = "muscle up"

[[movement]]
name = "toes to bar"

[[movement]]
name = "chest to bar pull up"
aliases = ["chest to bar"]

[[movement]]
name = "knees to elbow"

[[movement]]
name = "burpee"

[[movement]]
name = "burpee over the bar"
aliases = [
  "burpee over bar", "burpees over the bar", "burpees over bar", "bar facing burpee",
  "lateral burpee over the bar", "lateral burpees over the bar",
]

[[movement]]
name = "inchworm"

[[movement]]
name = "pull apart"
aliases = ["banded pull apart", "band pull apart"]

[[movement]]
name = "jump rope"

[[movement]]
name = "child's pose"

[[movement]]
name = "box jump"

[[movement]]
name = "jumping jack"

[[movement]]
name = "lunge"

[[movement]]
name = "dip"

[[movement]]
name = "plank"

[[movement]]
name = "hollow rock"

[[movement]]
name = "run"

[[movement]]
name = "row"

[[movement]]
name = "double under"

[[movement]]
name = "wall ball"

[[movement]]
name = "thruster"
lift = true

[[movement]]
name = "kettlebell swing"

[[movement]]
name = "good morning"

[[movement]]
name = "rope climb"

[[movement]]
name = "ring row"

[[movement]]
name = "farmer carry"
aliases = ["farmers carry", "farmer walk", "farmers walk"]
)toml";
  return kText;
}

}  // namespace wodetl::prescription
