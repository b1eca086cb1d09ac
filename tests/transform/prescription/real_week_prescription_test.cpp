// Every line of every part of the real Invictus week in ../shared/data, with the kind and fields
// the prescription parser must give it. Skipped when that folder is absent.

#include <gtest/gtest.h>

#include <map>
#include <optional>
#include <string>

#include "core/json_codec.hpp"
#include "core/prescription_json.hpp"
#include "extract/post_parser.hpp"
#include "support/fixtures.hpp"
#include "transform/prescription/line_parser.hpp"
#include "transform/transform_post.hpp"

namespace wodetl::prescription {
namespace {

struct ExpectedLine {
  const char* text;
  const char* json;  //!< the line's JSON without "text"
};

// One row per distinct line; lines that repeat during the week ("Rest 60 seconds") appear once.
const ExpectedLine kExpectedLines[] = {
      {R"(Single Arm DB or KB Overhead Walking Lunge (Light) x 100ft Each Arm)",
       R"json({"kind":"movement","movements":[{"name":"Single Arm DB or KB Overhead Walking Lunge","canonical":"single arm dumbbell or kettlebell overhead walking lunge"}],"reps":null,"per_side":true,"duration_seconds":null,"distance":{"value":100,"unit":"ft"},"percent":null,"of":null,"sets":null,"remark":"(Light)"})json"},
      {R"(3 Rounds:)",
       R"json({"kind":"scheme","scheme":{"type":"rounds","every_seconds":null,"duration_seconds":null,"sets":null,"rounds":3}})json"},
      {R"(10 Air Squats, 10 Pushups, 10 V-Ups)",
       R"json({"kind":"movement","movements":[{"name":"Air Squats","canonical":"air squat","reps":{"min":10,"max":10}},{"name":"Pushups","canonical":"push up","reps":{"min":10,"max":10}},{"name":"V-Ups","canonical":"v up","reps":{"min":10,"max":10}}],"reps":null,"per_side":false,"duration_seconds":null,"distance":null,"percent":null,"of":null,"sets":null,"grouping":"list"})json"},
      {R"(With empty bar:)",
       R"json({"kind":"note"})json"},
      {R"(8 Back Squat, 8 Deadlift, 8 Press)",
       R"json({"kind":"movement","movements":[{"name":"Back Squat","canonical":"back squat","reps":{"min":8,"max":8}},{"name":"Deadlift","canonical":"deadlift","reps":{"min":8,"max":8}},{"name":"Press","canonical":"press","reps":{"min":8,"max":8}}],"reps":null,"per_side":false,"duration_seconds":null,"distance":null,"percent":null,"of":null,"sets":null,"grouping":"list"})json"},
      {R"(4 Muscle Snatch, 4 Overhead Squat)",
       R"json({"kind":"movement","movements":[{"name":"Muscle Snatch","canonical":"muscle snatch","reps":{"min":4,"max":4}},{"name":"Overhead Squat","canonical":"overhead squat","reps":{"min":4,"max":4}}],"reps":null,"per_side":false,"duration_seconds":null,"distance":null,"percent":null,"of":null,"sets":null,"grouping":"list"})json"},
      {R"(4 Power Snatch, 4 Snatch Balances)",
       R"json({"kind":"movement","movements":[{"name":"Power Snatch","canonical":"power snatch","reps":{"min":4,"max":4}},{"name":"Snatch Balances","canonical":"snatch balance","reps":{"min":4,"max":4}}],"reps":null,"per_side":false,"duration_seconds":null,"distance":null,"percent":null,"of":null,"sets":null,"grouping":"list"})json"},
      {R"(4 Hip Snatch)",
       R"json({"kind":"movement","movements":[{"name":"Hip Snatch","canonical":"hip snatch"}],"reps":{"min":4,"max":4},"per_side":false,"duration_seconds":null,"distance":null,"percent":null,"of":null,"sets":null})json"},
      {R"(*Every new line means take a short break before moving to the next movements)",
       R"json({"kind":"note"})json"},
      {R"(Every minute, on the minute, for 3 minutes (3 sets):)",
       R"json({"kind":"scheme","scheme":{"type":"interval","every_seconds":60,"duration_seconds":180,"sets":3,"rounds":null}})json"},
      {R"(Snatch Press from Receiving x 4 reps)",
       R"json({"kind":"movement","movements":[{"name":"Snatch Press from Receiving","canonical":"snatch press from receiving"}],"reps":{"min":4,"max":4},"per_side":false,"duration_seconds":null,"distance":null,"percent":null,"of":null,"sets":null})json"},
      {R"(Build over the course of the three sets.)",
       R"json({"kind":"note"})json"},
      {R"(Followed by….)",
       R"json({"kind":"note"})json"},
      {R"(Every 90 seconds, for 4:30 (3 sets):)",
       R"json({"kind":"scheme","scheme":{"type":"interval","every_seconds":90,"duration_seconds":270,"sets":3,"rounds":null}})json"},
      {R"(3- Position Snatch x 1 rep)",
       R"json({"kind":"movement","movements":[{"name":"3- Position Snatch","canonical":"3 position snatch"}],"reps":{"min":1,"max":1},"per_side":false,"duration_seconds":null,"distance":null,"percent":null,"of":null,"sets":null})json"},
      {R"(*Keep this under 55% of your 1-RM Snatch, it is solely for a warm-up.)",
       R"json({"kind":"note","limit":{"percent":{"min":55,"max":55},"of":{"rm":1,"lift":"snatch"}}})json"},
      {R"(Every 2 minutes, for 16 minutes (8 sets):)",
       R"json({"kind":"scheme","scheme":{"type":"interval","every_seconds":120,"duration_seconds":960,"sets":8,"rounds":null}})json"},
      {R"((Snatch + Hip Snatch) x 1 rep)",
       R"json({"kind":"movement","movements":[{"name":"Snatch","canonical":"snatch"},{"name":"Hip Snatch","canonical":"hip snatch"}],"reps":{"min":1,"max":1},"per_side":false,"duration_seconds":null,"distance":null,"percent":null,"of":null,"sets":null,"grouping":"complex"})json"},
      {R"(*Set 1 = @ 60% of 1-RM Snatch)",
       R"json({"kind":"intensity","sets":{"first":1,"last":1},"reps":null,"percent":{"min":60,"max":60},"of":{"rm":1,"lift":"snatch"}})json"},
      {R"(*Set 2 = @ 65% of 1-RM Snatch)",
       R"json({"kind":"intensity","sets":{"first":2,"last":2},"reps":null,"percent":{"min":65,"max":65},"of":{"rm":1,"lift":"snatch"}})json"},
      {R"(*Set 3 = @ 70% of 1-RM Snatch)",
       R"json({"kind":"intensity","sets":{"first":3,"last":3},"reps":null,"percent":{"min":70,"max":70},"of":{"rm":1,"lift":"snatch"}})json"},
      {R"(*Sets 4-5 = @ 75% of 1-RM Snatch)",
       R"json({"kind":"intensity","sets":{"first":4,"last":5},"reps":null,"percent":{"min":75,"max":75},"of":{"rm":1,"lift":"snatch"}})json"},
      {R"(*Sets 6-8 = @ 75-80% of 1-RM Snatch)",
       R"json({"kind":"intensity","sets":{"first":6,"last":8},"reps":null,"percent":{"min":75,"max":80},"of":{"rm":1,"lift":"snatch"}})json"},
      {R"(Every minute, on the minute, for 7 minutes (7 sets):)",
       R"json({"kind":"scheme","scheme":{"type":"interval","every_seconds":60,"duration_seconds":420,"sets":7,"rounds":null}})json"},
      {R"(Power Clean with 3 second pause at knee x 1 rep @ 80% of 1-RM Power Clean)",
       R"json({"kind":"movement","movements":[{"name":"Power Clean with 3 second pause at knee","canonical":"power clean with 3 second pause at knee"}],"reps":{"min":1,"max":1},"per_side":false,"duration_seconds":null,"distance":null,"percent":{"min":80,"max":80},"of":{"rm":1,"lift":"power clean"},"sets":null})json"},
      {R"(In 24 minutes, establish a 1-RM Back Squat)",
       R"json({"kind":"target","target":{"rm":1,"lift":"back squat"},"duration_seconds":1440})json"},
      {R"(Three sets of:)",
       R"json({"kind":"scheme","scheme":{"type":"sets","every_seconds":null,"duration_seconds":null,"sets":3,"rounds":null}})json"},
      {R"(Chin-ups x 10 reps)",
       R"json({"kind":"movement","movements":[{"name":"Chin-ups","canonical":"chin up"}],"reps":{"min":10,"max":10},"per_side":false,"duration_seconds":null,"distance":null,"percent":null,"of":null,"sets":null})json"},
      {R"(V-Ups x 40 seconds)",
       R"json({"kind":"movement","movements":[{"name":"V-Ups","canonical":"v up"}],"reps":null,"per_side":false,"duration_seconds":40,"distance":null,"percent":null,"of":null,"sets":null})json"},
      {R"(DB Shoulder Lateral Raises x 15 reps)",
       R"json({"kind":"movement","movements":[{"name":"DB Shoulder Lateral Raises","canonical":"dumbbell shoulder lateral raise"}],"reps":{"min":15,"max":15},"per_side":false,"duration_seconds":null,"distance":null,"percent":null,"of":null,"sets":null})json"},
      {R"((add weight if possible))",
       R"json({"kind":"note"})json"},
      {R"(Rest 60 seconds)",
       R"json({"kind":"rest","rest_seconds":60})json"},
      {R"(3 Rounds: 3 Pull-Ups, 6 Burpees, 9 Jumping Air Squats)",
       R"json({"kind":"scheme","scheme":{"type":"rounds","every_seconds":null,"duration_seconds":null,"sets":null,"rounds":3},"movement":{"movements":[{"name":"Pull-Ups","canonical":"pull up","reps":{"min":3,"max":3}},{"name":"Burpees","canonical":"burpee","reps":{"min":6,"max":6}},{"name":"Jumping Air Squats","canonical":"jumping air squat","reps":{"min":9,"max":9}}],"reps":null,"per_side":false,"duration_seconds":null,"distance":null,"percent":null,"of":null,"sets":null,"grouping":"list"}})json"},
      {R"(1 Round: Hold bottom of Air Squat for 1 minute)",
       R"json({"kind":"scheme","scheme":{"type":"rounds","every_seconds":null,"duration_seconds":null,"sets":null,"rounds":1},"movement":{"movements":[{"name":"Hold bottom of Air Squat","canonical":"hold bottom of air squat"}],"reps":null,"per_side":false,"duration_seconds":60,"distance":null,"percent":null,"of":null,"sets":null}})json"},
      {R"(5 Deadlift, 5 Muscle Cleans, 5 Press In Split)",
       R"json({"kind":"movement","movements":[{"name":"Deadlift","canonical":"deadlift","reps":{"min":5,"max":5}},{"name":"Muscle Cleans","canonical":"muscle clean","reps":{"min":5,"max":5}},{"name":"Press In Split","canonical":"press in split","reps":{"min":5,"max":5}}],"reps":null,"per_side":false,"duration_seconds":null,"distance":null,"percent":null,"of":null,"sets":null,"grouping":"list"})json"},
      {R"(3 Power Cleans, 3 Jerk Grip Overhead Squats)",
       R"json({"kind":"movement","movements":[{"name":"Power Cleans","canonical":"power clean","reps":{"min":3,"max":3}},{"name":"Jerk Grip Overhead Squats","canonical":"jerk grip overhead squat","reps":{"min":3,"max":3}}],"reps":null,"per_side":false,"duration_seconds":null,"distance":null,"percent":null,"of":null,"sets":null,"grouping":"list"})json"},
      {R"(3 Slow Pull Clean & Jerks)",
       R"json({"kind":"movement","movements":[{"name":"Slow Pull Clean & Jerks","canonical":"slow pull clean and jerk"}],"reps":{"min":3,"max":3},"per_side":false,"duration_seconds":null,"distance":null,"percent":null,"of":null,"sets":null})json"},
      {R"(3 Power Snatch)",
       R"json({"kind":"movement","movements":[{"name":"Power Snatch","canonical":"power snatch"}],"reps":{"min":3,"max":3},"per_side":false,"duration_seconds":null,"distance":null,"percent":null,"of":null,"sets":null})json"},
      {R"(*Today is meant to be a lighter day. Focus on moving fast, but, don’t go over the percentages listed)",
       R"json({"kind":"note"})json"},
      {R"(Press in Clean (Sots Press) x 4 reps)",
       R"json({"kind":"movement","movements":[{"name":"Press in Clean","canonical":"press in clean"}],"reps":{"min":4,"max":4},"per_side":false,"duration_seconds":null,"distance":null,"percent":null,"of":null,"sets":null,"remark":"(Sots Press)"})json"},
      {R"(Followed by…)",
       R"json({"kind":"note"})json"},
      {R"(Every 2 minutes, for 8 minutes (4 sets):)",
       R"json({"kind":"scheme","scheme":{"type":"interval","every_seconds":120,"duration_seconds":480,"sets":4,"rounds":null}})json"},
      {R"(3- Position Power Clean x 1 rep)",
       R"json({"kind":"movement","movements":[{"name":"3- Position Power Clean","canonical":"3 position power clean"}],"reps":{"min":1,"max":1},"per_side":false,"duration_seconds":null,"distance":null,"percent":null,"of":null,"sets":null})json"},
      {R"(Build over the course of the 4 sets.)",
       R"json({"kind":"note"})json"},
      {R"(Use this as a warmup, stay below 70% of your 1-RM Power Clean)",
       R"json({"kind":"note","limit":{"percent":{"min":70,"max":70},"of":{"rm":1,"lift":"power clean"}}})json"},
      {R"(Every 90 seconds, for 12 minutes (8 sets):)",
       R"json({"kind":"scheme","scheme":{"type":"interval","every_seconds":90,"duration_seconds":720,"sets":8,"rounds":null}})json"},
      {R"((Slow Pull Clean + Jerk) x 1 rep @ 70% of 1-RM Clean & Jerk)",
       R"json({"kind":"movement","movements":[{"name":"Slow Pull Clean","canonical":"slow pull clean"},{"name":"Jerk","canonical":"jerk"}],"reps":{"min":1,"max":1},"per_side":false,"duration_seconds":null,"distance":null,"percent":{"min":70,"max":70},"of":{"rm":1,"lift":"clean and jerk"},"sets":null,"grouping":"complex"})json"},
      {R"(Every minute, on the minute, for 8 minutes (8 sets):)",
       R"json({"kind":"scheme","scheme":{"type":"interval","every_seconds":60,"duration_seconds":480,"sets":8,"rounds":null}})json"},
      {R"(Power Snatch x 1 rep @ 65-70% of 1-RM Power Snatch)",
       R"json({"kind":"movement","movements":[{"name":"Power Snatch","canonical":"power snatch"}],"reps":{"min":1,"max":1},"per_side":false,"duration_seconds":null,"distance":null,"percent":{"min":65,"max":70},"of":{"rm":1,"lift":"power snatch"},"sets":null})json"},
      {R"(Every 3 minutes, for 12 minutes (4 sets):)",
       R"json({"kind":"scheme","scheme":{"type":"interval","every_seconds":180,"duration_seconds":720,"sets":4,"rounds":null}})json"},
      {R"(Deadlift x 10 reps @ 50-55% of your 1-RM Deadlift)",
       R"json({"kind":"movement","movements":[{"name":"Deadlift","canonical":"deadlift"}],"reps":{"min":10,"max":10},"per_side":false,"duration_seconds":null,"distance":null,"percent":{"min":50,"max":55},"of":{"rm":1,"lift":"deadlift"},"sets":null})json"},
      {R"(Every 3 minutes, for 9 minutes (3 sets):)",
       R"json({"kind":"scheme","scheme":{"type":"interval","every_seconds":180,"duration_seconds":540,"sets":3,"rounds":null}})json"},
      {R"(Barbell Lunges x 6 reps each leg)",
       R"json({"kind":"movement","movements":[{"name":"Barbell Lunges","canonical":"barbell lunge"}],"reps":{"min":6,"max":6},"per_side":true,"duration_seconds":null,"distance":null,"percent":null,"of":null,"sets":null})json"},
      {R"(Aim for 2 heavy working sets.)",
       R"json({"kind":"note"})json"},
      {R"(400m run)",
       R"json({"kind":"movement","movements":[{"name":"run","canonical":"run"}],"reps":null,"per_side":false,"duration_seconds":null,"distance":{"value":400,"unit":"m"},"percent":null,"of":null,"sets":null})json"},
      {R"(3 Rounds: 10 Air Squats + 5 Inchworm Pushups + 3 Burpees)",
       R"json({"kind":"scheme","scheme":{"type":"rounds","every_seconds":null,"duration_seconds":null,"sets":null,"rounds":3},"movement":{"movements":[{"name":"Air Squats","canonical":"air squat","count":10},{"name":"Inchworm Pushups","canonical":"inchworm push up","count":5},{"name":"Burpees","canonical":"burpee","count":3}],"reps":null,"per_side":false,"duration_seconds":null,"distance":null,"percent":null,"of":null,"sets":null,"grouping":"complex"}})json"},
      {R"(2 Rounds: 10 Jumping Lunges + 5 Pull-Ups)",
       R"json({"kind":"scheme","scheme":{"type":"rounds","every_seconds":null,"duration_seconds":null,"sets":null,"rounds":2},"movement":{"movements":[{"name":"Jumping Lunges","canonical":"jumping lunge","count":10},{"name":"Pull-Ups","canonical":"pull up","count":5}],"reps":null,"per_side":false,"duration_seconds":null,"distance":null,"percent":null,"of":null,"sets":null,"grouping":"complex"}})json"},
      {R"(5 Deadlift, 5 Press In Split, 3 Front Squats)",
       R"json({"kind":"movement","movements":[{"name":"Deadlift","canonical":"deadlift","reps":{"min":5,"max":5}},{"name":"Press In Split","canonical":"press in split","reps":{"min":5,"max":5}},{"name":"Front Squats","canonical":"front squat","reps":{"min":3,"max":3}}],"reps":null,"per_side":false,"duration_seconds":null,"distance":null,"percent":null,"of":null,"sets":null,"grouping":"list"})json"},
      {R"(5 Muscle Snatch, 5 Overhead Squat)",
       R"json({"kind":"movement","movements":[{"name":"Muscle Snatch","canonical":"muscle snatch","reps":{"min":5,"max":5}},{"name":"Overhead Squat","canonical":"overhead squat","reps":{"min":5,"max":5}}],"reps":null,"per_side":false,"duration_seconds":null,"distance":null,"percent":null,"of":null,"sets":null,"grouping":"list"})json"},
      {R"(5 Snatch, 5 Front Squat)",
       R"json({"kind":"movement","movements":[{"name":"Snatch","canonical":"snatch","reps":{"min":5,"max":5}},{"name":"Front Squat","canonical":"front squat","reps":{"min":5,"max":5}}],"reps":null,"per_side":false,"duration_seconds":null,"distance":null,"percent":null,"of":null,"sets":null,"grouping":"list"})json"},
      {R"(Every 2 minutes, for 14 minutes (7 sets):)",
       R"json({"kind":"scheme","scheme":{"type":"interval","every_seconds":120,"duration_seconds":840,"sets":7,"rounds":null}})json"},
      {R"(Slow Pull Power Snatch)",
       R"json({"kind":"movement","movements":[{"name":"Slow Pull Power Snatch","canonical":"slow pull power snatch"}],"reps":null,"per_side":false,"duration_seconds":null,"distance":null,"percent":null,"of":null,"sets":null})json"},
      {R"(*Sets 1-2 = 2 reps @ 75% of 1-RM Power Snatch)",
       R"json({"kind":"intensity","sets":{"first":1,"last":2},"reps":{"min":2,"max":2},"percent":{"min":75,"max":75},"of":{"rm":1,"lift":"power snatch"}})json"},
      {R"(*Sets 3-4 = 2 reps @ 80% of 1-RM Power Snatch)",
       R"json({"kind":"intensity","sets":{"first":3,"last":4},"reps":{"min":2,"max":2},"percent":{"min":80,"max":80},"of":{"rm":1,"lift":"power snatch"}})json"},
      {R"(*Sets 5-7 = 1 rep @ 85% of 1-RM Power Snatch)",
       R"json({"kind":"intensity","sets":{"first":5,"last":7},"reps":{"min":1,"max":1},"percent":{"min":85,"max":85},"of":{"rm":1,"lift":"power snatch"}})json"},
      {R"(Slow Pull Power Clean + Power Jerk x 1 rep)",
       R"json({"kind":"movement","movements":[{"name":"Slow Pull Power Clean","canonical":"slow pull power clean"},{"name":"Power Jerk","canonical":"power jerk"}],"reps":{"min":1,"max":1},"per_side":false,"duration_seconds":null,"distance":null,"percent":null,"of":null,"sets":null,"grouping":"complex"})json"},
      {R"(*Sets 1-2 = @ 75%)",
       R"json({"kind":"intensity","sets":{"first":1,"last":2},"reps":null,"percent":{"min":75,"max":75},"of":null})json"},
      {R"(*Sets 3-4 = @ 80%)",
       R"json({"kind":"intensity","sets":{"first":3,"last":4},"reps":null,"percent":{"min":80,"max":80},"of":null})json"},
      {R"(*Sets 5-7 = @ 85%)",
       R"json({"kind":"intensity","sets":{"first":5,"last":7},"reps":null,"percent":{"min":85,"max":85},"of":null})json"},
      {R"(Every 2:30, for 15 minutes (6 sets):)",
       R"json({"kind":"scheme","scheme":{"type":"interval","every_seconds":150,"duration_seconds":900,"sets":6,"rounds":null}})json"},
      {R"(Front Squat x 3 reps @ 75-85%)",
       R"json({"kind":"movement","movements":[{"name":"Front Squat","canonical":"front squat"}],"reps":{"min":3,"max":3},"per_side":false,"duration_seconds":null,"distance":null,"percent":{"min":75,"max":85},"of":null,"sets":null})json"},
      {R"(Start at 75% and work up in weight as you go.)",
       R"json({"kind":"note"})json"},
      {R"(One set of:)",
       R"json({"kind":"scheme","scheme":{"type":"sets","every_seconds":null,"duration_seconds":null,"sets":1,"rounds":null}})json"},
      {R"(Bearhug Sandbag Carry x 400 meters)",
       R"json({"kind":"movement","movements":[{"name":"Bearhug Sandbag Carry","canonical":"bearhug sandbag carry"}],"reps":null,"per_side":false,"duration_seconds":null,"distance":{"value":400,"unit":"m"},"percent":null,"of":null,"sets":null})json"},
      {R"(Single-Arm DB Row x 8 reps)",
       R"json({"kind":"movement","movements":[{"name":"Single-Arm DB Row","canonical":"single arm dumbbell row"}],"reps":{"min":8,"max":8},"per_side":false,"duration_seconds":null,"distance":null,"percent":null,"of":null,"sets":null})json"},
      {R"(Weighted Plank x 45 seconds)",
       R"json({"kind":"movement","movements":[{"name":"Weighted Plank","canonical":"weighted plank"}],"reps":null,"per_side":false,"duration_seconds":45,"distance":null,"percent":null,"of":null,"sets":null})json"},
      {R"(8 Air Squats + 8 Pushups + 8 Lunges + 8 V-Ups)",
       R"json({"kind":"movement","movements":[{"name":"Air Squats","canonical":"air squat","count":8},{"name":"Pushups","canonical":"push up","count":8},{"name":"Lunges","canonical":"lunge","count":8},{"name":"V-Ups","canonical":"v up","count":8}],"reps":null,"per_side":false,"duration_seconds":null,"distance":null,"percent":null,"of":null,"sets":null,"grouping":"complex"})json"},
      {R"(5 Front Squat, 5 Deadlift, 5 Press In Split)",
       R"json({"kind":"movement","movements":[{"name":"Front Squat","canonical":"front squat","reps":{"min":5,"max":5}},{"name":"Deadlift","canonical":"deadlift","reps":{"min":5,"max":5}},{"name":"Press In Split","canonical":"press in split","reps":{"min":5,"max":5}}],"reps":null,"per_side":false,"duration_seconds":null,"distance":null,"percent":null,"of":null,"sets":null,"grouping":"list"})json"},
      {R"(5 Muscle Snatch)",
       R"json({"kind":"movement","movements":[{"name":"Muscle Snatch","canonical":"muscle snatch"}],"reps":{"min":5,"max":5},"per_side":false,"duration_seconds":null,"distance":null,"percent":null,"of":null,"sets":null})json"},
      {R"(5 Power Snatch)",
       R"json({"kind":"movement","movements":[{"name":"Power Snatch","canonical":"power snatch"}],"reps":{"min":5,"max":5},"per_side":false,"duration_seconds":null,"distance":null,"percent":null,"of":null,"sets":null})json"},
      {R"(5 Slow Pull Snatch)",
       R"json({"kind":"movement","movements":[{"name":"Slow Pull Snatch","canonical":"slow pull snatch"}],"reps":{"min":5,"max":5},"per_side":false,"duration_seconds":null,"distance":null,"percent":null,"of":null,"sets":null})json"},
      {R"(5 Muscle Cleans)",
       R"json({"kind":"movement","movements":[{"name":"Muscle Cleans","canonical":"muscle clean"}],"reps":{"min":5,"max":5},"per_side":false,"duration_seconds":null,"distance":null,"percent":null,"of":null,"sets":null})json"},
      {R"(5 Power Cleans)",
       R"json({"kind":"movement","movements":[{"name":"Power Cleans","canonical":"power clean"}],"reps":{"min":5,"max":5},"per_side":false,"duration_seconds":null,"distance":null,"percent":null,"of":null,"sets":null})json"},
      {R"(5 Front Squat)",
       R"json({"kind":"movement","movements":[{"name":"Front Squat","canonical":"front squat"}],"reps":{"min":5,"max":5},"per_side":false,"duration_seconds":null,"distance":null,"percent":null,"of":null,"sets":null})json"},
      {R"(*Today is meant to be a lighter day)",
       R"json({"kind":"note"})json"},
      {R"(Every minute, on the minute, for 6 minutes (6 sets):)",
       R"json({"kind":"scheme","scheme":{"type":"interval","every_seconds":60,"duration_seconds":360,"sets":6,"rounds":null}})json"},
      {R"(Tall Snatch x 1 rep)",
       R"json({"kind":"movement","movements":[{"name":"Tall Snatch","canonical":"tall snatch"}],"reps":{"min":1,"max":1},"per_side":false,"duration_seconds":null,"distance":null,"percent":null,"of":null,"sets":null})json"},
      {R"(Start with the empty bar & slowly add weight as you go.)",
       R"json({"kind":"note"})json"},
      {R"(Every minute, on the minute, for 10 minutes (10 sets):)",
       R"json({"kind":"scheme","scheme":{"type":"interval","every_seconds":60,"duration_seconds":600,"sets":10,"rounds":null}})json"},
      {R"(Slow Pull Snatch x 1 rep @ 60-70% of 1-RM Snatch)",
       R"json({"kind":"movement","movements":[{"name":"Slow Pull Snatch","canonical":"slow pull snatch"}],"reps":{"min":1,"max":1},"per_side":false,"duration_seconds":null,"distance":null,"percent":{"min":60,"max":70},"of":{"rm":1,"lift":"snatch"},"sets":null})json"},
      {R"((Power Clean + Power Jerk) x 1 rep @ 60-70% of 1-RM Power Clean & Power Jerk)",
       R"json({"kind":"movement","movements":[{"name":"Power Clean","canonical":"power clean"},{"name":"Power Jerk","canonical":"power jerk"}],"reps":{"min":1,"max":1},"per_side":false,"duration_seconds":null,"distance":null,"percent":{"min":60,"max":70},"of":{"rm":1,"lift":"power clean and power jerk"},"sets":null,"grouping":"complex"})json"},
      {R"(Every 2:30, for 10 minutes (4 sets):)",
       R"json({"kind":"scheme","scheme":{"type":"interval","every_seconds":150,"duration_seconds":600,"sets":4,"rounds":null}})json"},
      {R"(Front Squat x 7 reps @ 60-65% of 1-RM Front Squat)",
       R"json({"kind":"movement","movements":[{"name":"Front Squat","canonical":"front squat"}],"reps":{"min":7,"max":7},"per_side":false,"duration_seconds":null,"distance":null,"percent":{"min":60,"max":65},"of":{"rm":1,"lift":"front squat"},"sets":null})json"},
      {R"(One Set Tabata of: V-Ups:)",
       R"json({"kind":"scheme","scheme":{"type":"tabata","every_seconds":30,"duration_seconds":240,"sets":1,"rounds":8,"work_seconds":20,"rest_seconds":10},"movement":{"movements":[{"name":"V-Ups","canonical":"v up"}],"reps":null,"per_side":false,"duration_seconds":null,"distance":null,"percent":null,"of":null,"sets":null}})json"},
      {R"(20 seconds on)",
       R"json({"kind":"note"})json"},
      {R"(10 seconds off)",
       R"json({"kind":"note"})json"},
      {R"(For a total of 8 rounds)",
       R"json({"kind":"note"})json"},
      {R"(*Note: This entire section should take you 4 minutes to complete)",
       R"json({"kind":"note"})json"},
      {R"(1. Take 5 minutes to work on your biggest mobility weakness)",
       R"json({"kind":"note"})json"},
      {R"(2. Take 5 minutes to work on your biggest technique weakness (with the empty bar))",
       R"json({"kind":"note"})json"},
      {R"(Every minute, on the minute, for 4 minutes (4 sets):)",
       R"json({"kind":"scheme","scheme":{"type":"interval","every_seconds":60,"duration_seconds":240,"sets":4,"rounds":null}})json"},
      {R"(Box Jumps x 4 reps)",
       R"json({"kind":"movement","movements":[{"name":"Box Jumps","canonical":"box jump"}],"reps":{"min":4,"max":4},"per_side":false,"duration_seconds":null,"distance":null,"percent":null,"of":null,"sets":null})json"},
      {R"(*Try to work up in height as you go.)",
       R"json({"kind":"note"})json"},
      {R"(Every 90 seconds, for 6 minutes (4 sets):)",
       R"json({"kind":"scheme","scheme":{"type":"interval","every_seconds":90,"duration_seconds":360,"sets":4,"rounds":null}})json"},
      {R"(Press In Split x 5 reps)",
       R"json({"kind":"movement","movements":[{"name":"Press In Split","canonical":"press in split"}],"reps":{"min":5,"max":5},"per_side":false,"duration_seconds":null,"distance":null,"percent":null,"of":null,"sets":null})json"},
      {R"(Start with the empty bar and work up as you go. Use this as a warm-up exercise.)",
       R"json({"kind":"note"})json"},
      {R"((Clean + 2 Front Squats + Jerk) x 1 rep)",
       R"json({"kind":"movement","movements":[{"name":"Clean","canonical":"clean"},{"name":"Front Squats","canonical":"front squat","count":2},{"name":"Jerk","canonical":"jerk"}],"reps":{"min":1,"max":1},"per_side":false,"duration_seconds":null,"distance":null,"percent":null,"of":null,"sets":null,"grouping":"complex"})json"},
      {R"(*Sets 1-2 = @ 70% of 1-RM Clean & Jerk)",
       R"json({"kind":"intensity","sets":{"first":1,"last":2},"reps":null,"percent":{"min":70,"max":70},"of":{"rm":1,"lift":"clean and jerk"}})json"},
      {R"(*Sets 3-4 = @ 75% of 1-RM Clean & Jerk)",
       R"json({"kind":"intensity","sets":{"first":3,"last":4},"reps":null,"percent":{"min":75,"max":75},"of":{"rm":1,"lift":"clean and jerk"}})json"},
      {R"(*Sets 5-6 = @ 80-85% of 1-RM Clean & Jerk)",
       R"json({"kind":"intensity","sets":{"first":5,"last":6},"reps":null,"percent":{"min":80,"max":85},"of":{"rm":1,"lift":"clean and jerk"}})json"},
      {R"((Snatch High Pull + Power Snatch) x 1 rep)",
       R"json({"kind":"movement","movements":[{"name":"Snatch High Pull","canonical":"snatch high pull"},{"name":"Power Snatch","canonical":"power snatch"}],"reps":{"min":1,"max":1},"per_side":false,"duration_seconds":null,"distance":null,"percent":null,"of":null,"sets":null,"grouping":"complex"})json"},
      {R"(*Sets 1-4 = @ 78-83% of 1-RM Power Snatch)",
       R"json({"kind":"intensity","sets":{"first":1,"last":4},"reps":null,"percent":{"min":78,"max":83},"of":{"rm":1,"lift":"power snatch"}})json"},
      {R"(*Sets 5-8 = @ 83-88% of 1-RM Power Snatch)",
       R"json({"kind":"intensity","sets":{"first":5,"last":8},"reps":null,"percent":{"min":83,"max":88},"of":{"rm":1,"lift":"power snatch"}})json"},
      {R"(Every 3 minutes, for 18 minutes (6 sets):)",
       R"json({"kind":"scheme","scheme":{"type":"interval","every_seconds":180,"duration_seconds":1080,"sets":6,"rounds":null}})json"},
      {R"(Back Squat)",
       R"json({"kind":"movement","movements":[{"name":"Back Squat","canonical":"back squat"}],"reps":null,"per_side":false,"duration_seconds":null,"distance":null,"percent":null,"of":null,"sets":null})json"},
      {R"(*Sets 1-2 = 8 reps @ 65-70%)",
       R"json({"kind":"intensity","sets":{"first":1,"last":2},"reps":{"min":8,"max":8},"percent":{"min":65,"max":70},"of":null})json"},
      {R"(*Sets 3-4 = 5 reps @ 75-80%)",
       R"json({"kind":"intensity","sets":{"first":3,"last":4},"reps":{"min":5,"max":5},"percent":{"min":75,"max":80},"of":null})json"},
      {R"(*Sets 5-6 = 3 reps @ 85-90%)",
       R"json({"kind":"intensity","sets":{"first":5,"last":6},"reps":{"min":3,"max":3},"percent":{"min":85,"max":90},"of":null})json"},
      {R"(Four sets of:)",
       R"json({"kind":"scheme","scheme":{"type":"sets","every_seconds":null,"duration_seconds":null,"sets":4,"rounds":null}})json"},
      {R"(Strict Pull-Ups x 8 reps)",
       R"json({"kind":"movement","movements":[{"name":"Strict Pull-Ups","canonical":"strict pull up"}],"reps":{"min":8,"max":8},"per_side":false,"duration_seconds":null,"distance":null,"percent":null,"of":null,"sets":null})json"},
      {R"(Stationary Dips x 8 reps)",
       R"json({"kind":"movement","movements":[{"name":"Stationary Dips","canonical":"stationary dip"}],"reps":{"min":8,"max":8},"per_side":false,"duration_seconds":null,"distance":null,"percent":null,"of":null,"sets":null})json"},
      {R"((Add weight if possible))",
       R"json({"kind":"note"})json"},
};

class RealWeekPrescriptions : public ::testing::Test {
 protected:
  void SetUp() override {
    const auto path = wodetl::testing::real_week_post_path();
    if (!path) {
      GTEST_SKIP() << "../shared/data/invictus is absent; the real-week checks need it";
    }
    auto post = parse_post(Json::parse(wodetl::testing::read_file(*path)), path->string());
    ASSERT_TRUE(post.ok()) << post.error().to_string();
    auto transformed = transform_post(*post);
    ASSERT_TRUE(transformed.ok()) << transformed.error().to_string();
    for (const SessionRecord& record : transformed->records) {
      for (const Segment& segment : record.segments) {
        for (const Line& line : segment.lines) {
          lines_.push_back(line.text);
        }
      }
      for (const PartPrescription& part : record.prescriptions) {
        parts_.push_back(part);
      }
    }
  }

  std::vector<std::string> lines_;
  std::vector<PartPrescription> parts_;
};

TEST_F(RealWeekPrescriptions, TableListsEveryLine) {
  std::map<std::string, int> listed;
  for (const ExpectedLine& expected : kExpectedLines) {
    ++listed[expected.text];
  }
  EXPECT_EQ(lines_.size(), 139U);
  for (const std::string& line : lines_) {
    EXPECT_EQ(listed.count(line), 1U) << "line missing from the table: " << line;
  }
  for (const auto& [text, count] : listed) {
    EXPECT_EQ(count, 1) << "listed twice: " << text;
  }
}

TEST_F(RealWeekPrescriptions, ParsesEveryLine) {
  std::map<std::string, std::string> expected_json;
  for (const ExpectedLine& expected : kExpectedLines) {
    expected_json[expected.text] = expected.json;
  }
  const std::vector<ParsedLine> parsed = parse_prescription_lines(lines_);
  ASSERT_EQ(parsed.size(), lines_.size());
  for (std::size_t index = 0; index < parsed.size(); ++index) {
    SCOPED_TRACE(lines_[index]);
    EXPECT_EQ(parsed[index].text, lines_[index]);
    const auto expected = expected_json.find(lines_[index]);
    if (expected == expected_json.end()) {
      continue;  // reported by TableListsEveryLine
    }
    Json actual = parsed[index];
    actual.erase("text");
    EXPECT_EQ(actual, Json::parse(expected->second)) << actual.dump();
  }
}

// The warm-ups start with rounds of movements, then "With empty bar:" and barbell lines: that
// heading opens a block of its own, and the rounds before it keep only their own movements.
TEST_F(RealWeekPrescriptions, WarmUpHeadingsOpenGroups) {
  int groups = 0;
  for (const PartPrescription& part : parts_) {
    std::optional<std::size_t> heading;
    for (const Block& block : part.blocks) {
      if (!block.heading_line) {
        continue;
      }
      ++groups;
      heading = *block.heading_line;
      EXPECT_EQ(part.lines[*heading].text, "With empty bar:");
      EXPECT_FALSE(block.scheme_line.has_value());
      EXPECT_GE(block.movement_lines.size(), 2U);
      EXPECT_TRUE(block.sets.empty());  // no line states a count
      for (const std::size_t index : block.movement_lines) {
        EXPECT_GT(index, *heading);
      }
    }
    if (!heading) {
      continue;
    }
    for (const Block& block : part.blocks) {
      if (!block.scheme_line) {
        continue;
      }
      const SchemeLine& scheme = *part.lines[*block.scheme_line].scheme();
      SCOPED_TRACE(part.lines[*block.scheme_line].text);
      EXPECT_EQ(scheme.scheme.type, SchemeType::kRounds);
      ASSERT_TRUE(scheme.scheme.rounds.has_value());
      EXPECT_EQ(block.sets.size(), static_cast<std::size_t>(*scheme.scheme.rounds));
      for (const std::size_t index : block.movement_lines) {
        EXPECT_LT(index, *heading);
      }
      for (const std::size_t index : block.note_lines) {
        EXPECT_LT(index, *heading);
      }
    }
  }
  EXPECT_EQ(groups, 4);  // Monday, Tuesday, Thursday and Friday
}

TEST_F(RealWeekPrescriptions, ExplainKeepsOrderAndText) {
  const Json explained = explain_json(parse_prescription_lines(lines_));
  ASSERT_EQ(explained.size(), 1U);
  ASSERT_EQ(explained.at("lines").size(), lines_.size());
  for (std::size_t index = 0; index < lines_.size(); ++index) {
    EXPECT_EQ(explained["lines"][index]["text"], lines_[index]);
  }
  EXPECT_NO_THROW((void)explained.dump());
}

}  // namespace
}  // namespace wodetl::prescription
