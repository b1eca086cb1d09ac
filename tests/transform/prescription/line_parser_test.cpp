// Notation families the prescription parser reads, one table each. The lines are made up in the
// shapes coaches write.

#include "transform/prescription/line_parser.hpp"

#include <gtest/gtest.h>

#include "transform/prescription/notation_cases.hpp"

namespace wodetl::prescription {
namespace {

using testing::expect_case;
using testing::NotationCase;

TEST(PrescriptionLine, SetsAndReps) {
  const NotationCase cases[] = {
      {"Back Squat 5x5 @ 75%", "movement",
       R"json({"movements":[{"name":"Back Squat","canonical":"back squat"}],"sets":5,"reps":{"min":5,"max":5},"percent":{"min":75,"max":75},"of":null})json"},
      {"Bench Press 5 x 5", "movement", R"json({"sets":5,"reps":{"min":5,"max":5}})json"},
      {"Strict Press 3 x 8-10", "movement", R"json({"sets":3,"reps":{"min":8,"max":10}})json"},
      {"12 x Goblet Squat", "movement",
       R"json({"movements":[{"name":"Goblet Squat","canonical":"goblet squat"}],"reps":{"min":12,"max":12},"sets":null})json"},
      {"Ring Rows x 9 reps", "movement",
       R"json({"movements":[{"name":"Ring Rows","canonical":"ring row"}],"reps":{"min":9,"max":9}})json"},
      {"Front Squat x 5-6 reps", "movement", R"json({"reps":{"min":5,"max":6}})json"},
      {"Push Press 4-6 sets of 1-3 reps", "movement",
       R"json({"sets":null,"sets_range":{"min":4,"max":6},"reps":{"min":1,"max":3}})json"},
      {"Deadlift 5-4-3-2-1", "movement",
       R"json({"sets":5,"rep_scheme":[5,4,3,2,1],"reps":null})json"},
      {"Clean Pull 3,3,3,3", "movement", R"json({"sets":4,"rep_scheme":[3,3,3,3]})json"},
      {"Snatch Balance 2 2 2 2", "movement", R"json({"sets":4,"rep_scheme":[2,2,2,2]})json"},
      {"Overhead Squat (4-4-4-4)", "movement", R"json({"sets":4,"rep_scheme":[4,4,4,4]})json"},
      {"21-15-9", "movement", R"json({"movements":[],"sets":3,"rep_scheme":[21,15,9]})json"},
      {"1-2-3-...-6", "movement", R"json({"movements":[],"rep_scheme":[1,2,3,4,5,6]})json"},
      {"5x3 @ 80%", "movement",
       R"json({"movements":[],"sets":5,"reps":{"min":3,"max":3},"percent":{"min":80,"max":80}})json"},
      {"Slow Pull Power Snatch", "movement",
       R"json({"movements":[{"name":"Slow Pull Power Snatch","canonical":"slow pull power snatch"}],"reps":null,"sets":null})json"},
      {"Back Squat", "movement",
       R"json({"movements":[{"name":"Back Squat","canonical":"back squat"}],"reps":null})json"},
      {"Six sets of:", "scheme",
       R"json({"scheme":{"type":"sets","every_seconds":null,"duration_seconds":null,"sets":6,"rounds":null}})json"},
      {"Three sets of:", "scheme",
       R"json({"scheme":{"type":"sets","every_seconds":null,"duration_seconds":null,"sets":3,"rounds":null}})json"},
      {"3 sets of 8 Goblet Squats", "movement",
       R"json({"movements":[{"name":"Goblet Squats","canonical":"goblet squat"}],"reps":{"min":8,"max":8},"per_side":false,"duration_seconds":null,"distance":null,"percent":null,"of":null,"sets":3})json"},
      {"3 sets of: 8 Goblet Squats", "scheme",
       R"json({"scheme":{"type":"sets","every_seconds":null,"duration_seconds":null,"sets":3,"rounds":null},"movement":{"movements":[{"name":"Goblet Squats","canonical":"goblet squat"}],"reps":{"min":8,"max":8},"sets":null}})json"},
  };
  for (const NotationCase& notation : cases) {
    expect_case(notation);
  }
}

TEST(PrescriptionLine, Complexes) {
  const NotationCase cases[] = {
      {"(Snatch + Hip Snatch) x 1 rep", "movement",
       R"json({"movements":[{"name":"Snatch","canonical":"snatch"},{"name":"Hip Snatch","canonical":"hip snatch"}],"grouping":"complex","reps":{"min":1,"max":1}})json"},
      {"(Clean + 2 Front Squats + Jerk) x 1 rep", "movement",
       R"json({"movements":[{"name":"Clean","canonical":"clean"},{"name":"Front Squats","canonical":"front squat","count":2},{"name":"Jerk","canonical":"jerk"}],"reps":{"min":1,"max":1}})json"},
      {"1 Hang Clean + 2 Front Squats + 1 Jerk", "movement",
       R"json({"movements":[{"name":"Hang Clean","canonical":"hang clean","count":1},{"name":"Front Squats","canonical":"front squat","count":2},{"name":"Jerk","canonical":"jerk","count":1}],"grouping":"complex","reps":null})json"},
      {"3x [ Deadlift + Row ]", "movement",
       R"json({"movements":[{"name":"Deadlift","canonical":"deadlift"},{"name":"Row","canonical":"row"}],"sets":3,"reps":null})json"},
      {"Hang Power Clean + Push Jerk x 2 reps @ 70%", "movement",
       R"json({"movements":[{"name":"Hang Power Clean","canonical":"hang power clean"},{"name":"Push Jerk","canonical":"push jerk"}],"reps":{"min":2,"max":2},"percent":{"min":70,"max":70}})json"},
      {"12 Wall Balls, 9 Burpees, 6 Pull-ups", "movement",
       R"json({"grouping":"list","reps":null,"movements":[{"name":"Wall Balls","canonical":"wall ball","reps":{"min":12,"max":12}},{"name":"Burpees","canonical":"burpee","reps":{"min":9,"max":9}},{"name":"Pull-ups","canonical":"pull up","reps":{"min":6,"max":6}}]})json"},
      {"6 Thrusters", "movement",
       R"json({"movements":[{"name":"Thrusters","canonical":"thruster"}],"reps":{"min":6,"max":6}})json"},
  };
  for (const NotationCase& notation : cases) {
    expect_case(notation);
  }
}

TEST(PrescriptionLine, SidesAndUnits) {
  const NotationCase cases[] = {
      {"Walking Lunges x 8 reps each leg", "movement",
       R"json({"reps":{"min":8,"max":8},"per_side":true})json"},
      {"Bulgarian Split Squat 8e", "movement",
       R"json({"reps":{"min":8,"max":8},"per_side":true})json"},
      {"Single-Leg RDL 6 L / 6 R", "movement",
       R"json({"movements":[{"name":"Single-Leg RDL","canonical":"single leg romanian deadlift"}],"reps":{"min":6,"max":6},"per_side":true})json"},
      {"Side Plank x 30 seconds per side", "movement",
       R"json({"duration_seconds":30,"per_side":true})json"},
      {"Hollow Hold x 40 seconds", "movement", R"json({"duration_seconds":40,"reps":null})json"},
      {"Handstand Hold :45 hold", "movement", R"json({"duration_seconds":45})json"},
      {"800m run", "movement",
       R"json({"movements":[{"name":"run","canonical":"run"}],"distance":{"value":800,"unit":"m"}})json"},
      {"Sandbag Carry x 200 meters", "movement",
       R"json({"distance":{"value":200,"unit":"m"}})json"},
      {"Farmer Carry 150ft", "movement", R"json({"distance":{"value":150,"unit":"ft"}})json"},
      {"Sled Drag 60'", "movement", R"json({"distance":{"value":60,"unit":"ft"}})json"},
      {"20/15 Calories Bike", "movement",
       R"json({"movements":[{"name":"Bike","canonical":"bike"}],"calories":{"value":20,"unit":"cal","alt_value":15}})json"},
      {"Box Jumps x 12 @ 30/24\"", "movement",
       R"json({"reps":{"min":12,"max":12},"distance":{"value":30,"unit":"in","alt_value":24}})json"},
      {"Thrusters 115/75 lbs", "movement",
       R"json({"load":{"value":115,"unit":"lb","alt_value":75}})json"},
      {"(60/40 kg) Front Squats", "movement",
       R"json({"load":{"value":60,"unit":"kg","alt_value":40},"movements":[{"name":"Front Squats","canonical":"front squat"}]})json"},
      {"Kettlebell Swings x 15 (24/16 kg)", "movement",
       R"json({"reps":{"min":15,"max":15},"load":{"value":24,"unit":"kg","alt_value":16}})json"},
      {"Deadlift 225#", "movement", R"json({"load":{"value":225,"unit":"lb"}})json"},
      {"Barbell Hip Thrust x 10 @ 1.5 x BW", "movement",
       R"json({"reps":{"min":10,"max":10},"load":{"value":1.5,"unit":"bodyweight"}})json"},
  };
  for (const NotationCase& notation : cases) {
    expect_case(notation);
  }
}

// Abbreviations of the vocabulary name movements after a count, and lifts after "of".
TEST(PrescriptionLine, Abbreviations) {
  const NotationCase cases[] = {
      {"10 T2B", "movement",
       R"json({"movements":[{"name":"T2B","canonical":"toes to bar"}],"reps":{"min":10,"max":10}})json"},
      {"10 C2B Pull-ups", "movement",
       R"json({"movements":[{"name":"C2B Pull-ups","canonical":"chest to bar pull up"}],"reps":{"min":10,"max":10}})json"},
      {"20 KBS", "movement",
       R"json({"movements":[{"name":"KBS","canonical":"kettlebell swing"}],"reps":{"min":20,"max":20}})json"},
      {"5 BS @ 70%", "movement",
       R"json({"movements":[{"name":"BS","canonical":"back squat"}],"reps":{"min":5,"max":5},"percent":{"min":70,"max":70}})json"},
      {"Front Squat 3x3 @ 80% of BS", "movement",
       R"json({"movements":[{"name":"Front Squat","canonical":"front squat"}],"of":{"rm":1,"lift":"back squat"}})json"},
      {"FS 3x3 @ 80%", "movement",
       R"json({"movements":[{"name":"FS","canonical":"front squat"}],"sets":3})json"},
      {"10 min E2MOM", "scheme", R"json({"scheme":{"type":"interval","every_seconds":120}})json"},
  };
  for (const NotationCase& notation : cases) {
    expect_case(notation);
  }
}

TEST(PrescriptionLine, PercentAndReferenceLifts) {
  const NotationCase cases[] = {
      {"Deadlift x 8 reps @ 60-65% of your 1-RM Deadlift", "movement",
       R"json({"reps":{"min":8,"max":8},"percent":{"min":60,"max":65},"of":{"rm":1,"lift":"deadlift"}})json"},
      {"Front Squat x 3 reps @ 75-85%", "movement",
       R"json({"percent":{"min":75,"max":85},"of":null})json"},
      {"Snatch x 2 @75%", "movement", R"json({"percent":{"min":75,"max":75}})json"},
      {"Clean x 1 at 85 percent", "movement", R"json({"percent":{"min":85,"max":85}})json"},
      // A ceiling, not a load to lift.
      {"Split Jerk x 1 (up to) 90%", "movement",
       R"json({"percent":null,"limit":{"percent":{"min":90,"max":90},"of":null}})json"},
      {"Power Snatch x 2 @ 70%-75%", "movement", R"json({"percent":{"min":70,"max":75}})json"},
      {"Back Squat x 5-6 reps @ 10-RM Back Squat weight", "movement",
       R"json({"reps":{"min":5,"max":6},"percent":null,"of":{"rm":10,"lift":"back squat"}})json"},
      {"Push Press x 3 @ 80% of 3RM", "movement",
       R"json({"percent":{"min":80,"max":80},"of":{"rm":3,"lift":null}})json"},
      {"Clean x 1 @ 90% of today's top set", "movement",
       R"json({"of":{"rm":null,"lift":null,"top_set":true}})json"},
      {"Power Clean x 1 rep @ 75% of 1-RM Clean & Jerk", "movement",
       R"json({"of":{"rm":1,"lift":"clean and jerk"}})json"},
      {"Jerk x 2 @ 70% of 1RM C&J", "movement",
       R"json({"of":{"rm":1,"lift":"clean and jerk"}})json"},
      // A lift in the vocabulary means its 1-RM without "1-RM", and a rep max after it counts.
      {"Front Squat x 3 @ 80% of Back Squat", "movement",
       R"json({"percent":{"min":80,"max":80},"of":{"rm":1,"lift":"back squat"}})json"},
      {"Snatch Pull x 3 @ 100-110% of Snatch", "movement",
       R"json({"of":{"rm":1,"lift":"snatch"}})json"},
      {"Push Press x 3 @ 80% of your Back Squat", "movement",
       R"json({"of":{"rm":1,"lift":"back squat"}})json"},
      {"Power Jerk x 2 @ 80% of Clean & Jerk", "movement",
       R"json({"of":{"rm":1,"lift":"clean and jerk"}})json"},
      {"Power Jerk x 2 @ 80% of C&J", "movement",
       R"json({"of":{"rm":1,"lift":"clean and jerk"}})json"},
      {"Front Squat x 2 @ 80% of back squat 1RM", "movement",
       R"json({"of":{"rm":1,"lift":"back squat"}})json"},
      {"Front Squat x 2 @ 80% of your Back Squat 3-RM", "movement",
       R"json({"of":{"rm":3,"lift":"back squat"}})json"},
      {"Snatch Balance x 2 @ 100% of your snatch max", "movement",
       R"json({"of":{"rm":1,"lift":"snatch"}})json"},
      {"Clean Pull 3x3 @ 90% Clean", "movement", R"json({"of":{"rm":1,"lift":"clean"}})json"},
      {"Front Squat x 2 @ 80% 1RM Back Squat", "movement",
       R"json({"percent":{"min":80,"max":80},"of":{"rm":1,"lift":"back squat"}})json"},
      {"Zercher Squat x 3 @ 70% of Zercher Squat 1RM", "movement",
       R"json({"of":{"rm":1,"lift":"zercher squat"}})json"},
      // Words that name no lift stay in the remark, and the reference is marked unread so that no
      // load is computed from a max.
      {"Back Squat x 3 @ 70% of the weight used last week", "movement",
       R"json({"of":{"rm":null,"lift":null,"unread":true},"remark":"of the weight used last week"})json"},
      {"Power Clean with 2 second pause at knee x 1 rep @ 70% of 1-RM Power Clean", "movement",
       R"json({"movements":[{"name":"Power Clean with 2 second pause at knee","canonical":"power clean with 2 second pause at knee"}],"reps":{"min":1,"max":1},"percent":{"min":70,"max":70},"of":{"rm":1,"lift":"power clean"}})json"},
      {"Back Squat x 5 @ RPE 8", "movement", R"json({"rpe":{"min":8,"max":8}})json"},
      {"Back Squat x 5 @ RPE 7-8", "movement", R"json({"rpe":{"min":7,"max":8}})json"},
      {"Back Squat x 5 @ 7 RPE", "movement", R"json({"rpe":{"min":7,"max":7}})json"},
  };
  for (const NotationCase& notation : cases) {
    expect_case(notation);
  }
}

TEST(PrescriptionLine, ReadPartsLeaveNoRemark) {
  for (const char* text :
       {"Front Squat x 3 @ 80% of Back Squat", "Front Squat x 2 @ 80% of back squat 1RM",
        "Snatch Balance x 2 @ 100% of your snatch max", "Back Squat x 5 @ RPE 7-8",
        "Back Squat x 5 @ 7 RPE", "Power Snatch x 2 x 5 sets"}) {
    const Json line = testing::parsed_json(text);
    EXPECT_FALSE(line.contains("remark")) << line.dump();
  }
}

TEST(PrescriptionLine, PerSetTables) {
  const NotationCase cases[] = {
      {"*Set 1 = @ 65% of 1-RM Clean", "intensity",
       R"json({"sets":{"first":1,"last":1},"reps":null,"percent":{"min":65,"max":65},"of":{"rm":1,"lift":"clean"}})json"},
      {"*Sets 2-3 = @ 72% of 1-RM Snatch", "intensity",
       R"json({"sets":{"first":2,"last":3},"percent":{"min":72,"max":72},"of":{"rm":1,"lift":"snatch"}})json"},
      {"*Sets 1-3 = 6 reps @ 60-65%", "intensity",
       R"json({"sets":{"first":1,"last":3},"reps":{"min":6,"max":6},"percent":{"min":60,"max":65},"of":null})json"},
      {"*Sets 9-10 = @ 102%+", "intensity",
       R"json({"sets":{"first":9,"last":10},"percent":{"min":102,"max":102},"at_least":true})json"},
      {"Set 4: 2 reps @ 88%", "intensity",
       R"json({"sets":{"first":4,"last":4},"reps":{"min":2,"max":2}})json"},
      {"5@65%, 4@72%, 3@78%", "intensity",
       R"json({"sets":{"first":1,"last":3},"steps":[{"reps":{"min":5,"max":5},"percent":{"min":65,"max":65},"of":null},{"reps":{"min":4,"max":4},"percent":{"min":72,"max":72},"of":null},{"reps":{"min":3,"max":3},"percent":{"min":78,"max":78},"of":null}]})json"},
      {"2+ @ 90%", "intensity",
       R"json({"sets":null,"reps":{"min":2,"max":2},"reps_at_least":true,"percent":{"min":90,"max":90}})json"},
  };
  for (const NotationCase& notation : cases) {
    expect_case(notation);
  }
}

TEST(PrescriptionLine, RepMaxes) {
  const NotationCase cases[] = {
      {"In 20 minutes, establish a 1-RM Front Squat", "target",
       R"json({"target":{"rm":1,"lift":"front squat"},"duration_seconds":1200})json"},
      {"Build to a 5-RM Deadlift", "target",
       R"json({"target":{"rm":5,"lift":"deadlift"},"duration_seconds":null})json"},
      {"Establish a 3RM Push Press in 15 minutes", "target",
       R"json({"target":{"rm":3,"lift":"push press"},"duration_seconds":900})json"},
      {"Find a heavy single", "target", R"json({"target":{"rm":1,"lift":null}})json"},
      {"Work up to a heavy triple", "target", R"json({"target":{"rm":3,"lift":null}})json"},
      {"Clean & Jerk: find a heavy single", "target",
       R"json({"target":{"rm":1,"lift":"clean and jerk"}})json"},
      {"1-RM Snatch", "target", R"json({"target":{"rm":1,"lift":"snatch"}})json"},
  };
  for (const NotationCase& notation : cases) {
    expect_case(notation);
  }
}

TEST(PrescriptionLine, Clocks) {
  const NotationCase cases[] = {
      {"Every 3 minutes, for 15 minutes (5 sets):", "scheme",
       R"json({"scheme":{"type":"interval","every_seconds":180,"duration_seconds":900,"sets":5,"rounds":null}})json"},
      {"Every minute, on the minute, for 9 minutes (9 sets):", "scheme",
       R"json({"scheme":{"type":"interval","every_seconds":60,"duration_seconds":540,"sets":9,"rounds":null}})json"},
      {"Every 2:30, for 10 minutes (4 sets):", "scheme",
       R"json({"scheme":{"type":"interval","every_seconds":150,"duration_seconds":600,"sets":4,"rounds":null}})json"},
      {"Every 90 seconds, for 6:00 (4 sets):", "scheme",
       R"json({"scheme":{"type":"interval","every_seconds":90,"duration_seconds":360,"sets":4,"rounds":null}})json"},
      {"EMOM 10", "scheme",
       R"json({"scheme":{"type":"interval","every_seconds":60,"duration_seconds":600,"sets":10,"rounds":null}})json"},
      {"EMOM 8 @ 70%", "scheme",
       R"json({"scheme":{"type":"interval","every_seconds":60,"sets":8},"movement":{"movements":[],"percent":{"min":70,"max":70}}})json"},
      {"EMOM 8 - Snatch x 2 @ 70%", "scheme",
       R"json({"scheme":{"type":"interval","sets":8},"movement":{"movements":[{"name":"Snatch","canonical":"snatch"}],"reps":{"min":2,"max":2},"percent":{"min":70,"max":70}}})json"},
      {"E3MOM 15", "scheme",
       R"json({"scheme":{"type":"interval","every_seconds":180,"duration_seconds":900,"sets":5,"rounds":null}})json"},
      {"On the minute x 12", "scheme",
       R"json({"scheme":{"type":"interval","every_seconds":60,"duration_seconds":720,"sets":12,"rounds":null}})json"},
      {"Every 90 seconds x 6", "scheme",
       R"json({"scheme":{"type":"interval","every_seconds":90,"duration_seconds":540,"sets":6,"rounds":null}})json"},
      {"Every 3:00 x 5 rounds", "scheme",
       R"json({"scheme":{"type":"interval","every_seconds":180,"duration_seconds":900,"sets":5,"rounds":null}})json"},
      {"Every other minute x 5", "scheme",
       R"json({"scheme":{"type":"interval","every_seconds":120,"sets":5}})json"},
      {"AMRAP 15", "scheme",
       R"json({"scheme":{"type":"amrap","every_seconds":null,"duration_seconds":900,"sets":null,"rounds":null}})json"},
      {"10 min AMRAP", "scheme", R"json({"scheme":{"type":"amrap","duration_seconds":600}})json"},
      {"As many rounds as possible in 8 minutes of:", "scheme",
       R"json({"scheme":{"type":"amrap","duration_seconds":480}})json"},
      {"For time:", "scheme",
       R"json({"scheme":{"type":"for_time","every_seconds":null,"duration_seconds":null,"sets":null,"rounds":null}})json"},
      {"4 Rounds for time of:", "scheme", R"json({"scheme":{"type":"for_time","rounds":4}})json"},
      {"21-15-9 for time", "scheme",
       R"json({"scheme":{"type":"for_time","every_seconds":null,"duration_seconds":null,"sets":null,"rounds":null,"rep_scheme":[21,15,9]}})json"},
      {"Time cap: 12 minutes", "scheme",
       R"json({"scheme":{"type":"for_time","every_seconds":null,"duration_seconds":null,"sets":null,"rounds":null,"time_cap_seconds":720}})json"},
      {"5 Rounds:", "scheme",
       R"json({"scheme":{"type":"rounds","every_seconds":null,"duration_seconds":null,"sets":null,"rounds":5}})json"},
      {"2 Rounds: 10 Sit-ups, 10 Jumping Jacks", "scheme",
       R"json({"scheme":{"type":"rounds","rounds":2},"movement":{"movements":[{"name":"Sit-ups","canonical":"sit up","reps":{"min":10,"max":10}},{"name":"Jumping Jacks","canonical":"jumping jack","reps":{"min":10,"max":10}}],"reps":null,"per_side":false,"duration_seconds":null,"distance":null,"percent":null,"of":null,"sets":null,"grouping":"list"}})json"},
      {"Tabata", "scheme",
       R"json({"scheme":{"type":"tabata","every_seconds":30,"duration_seconds":240,"sets":null,"rounds":8,"work_seconds":20,"rest_seconds":10}})json"},
      {"One Set Tabata of: Sit-ups:", "scheme",
       R"json({"scheme":{"type":"tabata","every_seconds":30,"duration_seconds":240,"sets":1,"rounds":8,"work_seconds":20,"rest_seconds":10},"movement":{"movements":[{"name":"Sit-ups","canonical":"sit up"}],"reps":null,"per_side":false,"duration_seconds":null,"distance":null,"percent":null,"of":null,"sets":null}})json"},
      {"20 seconds on, 10 seconds off", "scheme",
       R"json({"scheme":{"type":"interval","every_seconds":30,"duration_seconds":null,"sets":null,"rounds":null,"work_seconds":20,"rest_seconds":10}})json"},
  };
  for (const NotationCase& notation : cases) {
    expect_case(notation);
  }
}

TEST(PrescriptionLine, WarnsWhenStatedSetsDisagree) {
  const Json line = testing::parsed_json("Every 2 minutes, for 12 minutes (5 sets):");
  EXPECT_EQ(line.at("kind"), "scheme");
  EXPECT_EQ(line.at("scheme").at("sets"), 5);
  EXPECT_EQ(line.at("scheme").at("duration_seconds"), 720);
  EXPECT_EQ(line.at("scheme").at("every_seconds"), 120);
  ASSERT_TRUE(line.contains("warning"));
  EXPECT_NE(line.at("warning").get<std::string>().find("6 sets"), std::string::npos)
      << line.at("warning");
}

TEST(PrescriptionLine, AgreeingSetsHaveNoWarning) {
  const Json line = testing::parsed_json("Every 2 minutes, for 12 minutes (6 sets):");
  EXPECT_FALSE(line.contains("warning")) << line.dump();
}

TEST(PrescriptionLine, RestLines) {
  const NotationCase cases[] = {
      {"Rest 90 seconds", "rest", R"json({"rest_seconds":90})json"},
      {"Rest 2 minutes, then:", "rest", R"json({"rest_seconds":120})json"},
      {"Rest 1:30 between sets", "rest", R"json({"rest_seconds":90})json"},
      {"Rest as needed", "rest", R"json({"rest_seconds":null})json"},
      {"Rest as needed between rounds", "rest", R"json({"rest_seconds":null})json"},
      {"Rest 2-3 minutes", "rest", R"json({"rest_seconds":120,"rest_max_seconds":180})json"},
      {"Rest 60-90 seconds between sets", "rest",
       R"json({"rest_seconds":60,"rest_max_seconds":90})json"},
      {"Rest 1-2 min", "rest", R"json({"rest_seconds":60,"rest_max_seconds":120})json"},
      {"Rest 2 to 3 minutes", "rest", R"json({"rest_seconds":120,"rest_max_seconds":180})json"},
      {"Rest 1:30-2:00", "rest", R"json({"rest_seconds":90,"rest_max_seconds":120})json"},
      {"Rest 60-90", "rest", R"json({"rest_seconds":60,"rest_max_seconds":90})json"},
      {"Rest 90 sec – 2 min", "rest", R"json({"rest_seconds":90,"rest_max_seconds":120})json"},
      {"Rest up to 3 min", "rest", R"json({"rest_seconds":180})json"},
      {"2 min rest", "rest", R"json({"rest_seconds":120})json"},
      {"90 seconds rest between sets", "rest", R"json({"rest_seconds":90})json"},
  };
  for (const NotationCase& notation : cases) {
    expect_case(notation);
  }
}

// The name of an intervals part before a colon or a spaced dash is set aside, as "Strength:" is.
TEST(PrescriptionLine, IntervalsNameSetAside) {
  const NotationCase cases[] = {
      {"Intervals: 5 x 400m Run", "movement",
       R"json({"movements":[{"name":"Run","canonical":"run"}],"sets":5,"distance":{"value":400,"unit":"m"}})json"},
      {"Intervals \u2013 6 x 200m Row", "movement",
       R"json({"movements":[{"name":"Row","canonical":"row"}],"sets":6,"distance":{"value":200,"unit":"m"}})json"},
      {"Interval: 10 x 1:00 Assault Bike", "movement",
       R"json({"movements":[{"name":"Assault Bike","canonical":"assault bike"}],"sets":10,"duration_seconds":60})json"},
      {"Intervals", "note", "{}"},
  };
  for (const NotationCase& notation : cases) {
    expect_case(notation);
  }
}

// "P1:" and "P2 –" abbreviate "Partner 1:" and "Partner 2 –", and are set aside as those are.
TEST(PrescriptionLine, PartnerNumbersSetAside) {
  const NotationCase cases[] = {
      {"P1: 400m Run", "movement",
       R"json({"movements":[{"name":"Run","canonical":"run"}],"distance":{"value":400,"unit":"m"}})json"},
      {"P2 \u2013 15 Cal Row", "movement",
       R"json({"movements":[{"name":"Row","canonical":"row"}],"calories":{"value":15,"unit":"cal"}})json"},
      {"P1 - 10 Burpees", "movement",
       R"json({"movements":[{"name":"Burpees","canonical":"burpee"}],"reps":{"min":10,"max":10}})json"},
  };
  for (const NotationCase& notation : cases) {
    expect_case(notation);
  }
}

TEST(PrescriptionLine, ProseStaysNote) {
  const char* lines[] = {
      "Build over the course of the five sets.",
      "Followed by…",
      "and then,",
      "With an empty bar:",
      "*Today is meant to be a recovery day",
      "1. Take 10 minutes to work on your hip mobility",
      "(add weight if you can)",
      "Aim for 3 heavy working sets.",
      "Start with the empty bar & slowly add weight as you go.",
      "Rest is just as important as training, so take it seriously",
      "Great work this week, everyone!",
      "Previous Post",
      "12",
      "[gallery ids=\"12,13\"]",
      "20 seconds on",
      "For a total of 8 rounds",
      "",
      "   ",
  };
  for (const char* text : lines) {
    SCOPED_TRACE(text);
    const ParsedLine line = parse_prescription_line(text);
    EXPECT_EQ(line.kind, LineKind::kNote);
    EXPECT_EQ(line.text, text);
  }
}

// Notations not read yet: each stays a note, so nothing is lost.
TEST(PrescriptionLine, UnreadClockNotationsStayNotes) {
  const char* lines[] = {"20 seconds on", "10 seconds off", "From 0:00 - 5:00: 500m Row",
                         "At the 11 minute mark, start the run"};
  for (const char* text : lines) {
    SCOPED_TRACE(text);
    EXPECT_EQ(parse_prescription_line(text).kind, LineKind::kNote);
  }
}

TEST(PrescriptionLine, NoteKeepsStatedLimit) {
  const NotationCase cases[] = {
      {"*Keep this under 60% of your 1-RM Clean, it is only a primer.", "note",
       R"json({"limit":{"percent":{"min":60,"max":60},"of":{"rm":1,"lift":"clean"}}})json"},
      {"Use this as a primer, stay below 65% of your 1-RM Power Snatch", "note",
       R"json({"limit":{"percent":{"min":65,"max":65},"of":{"rm":1,"lift":"power snatch"}}})json"},
  };
  for (const NotationCase& notation : cases) {
    expect_case(notation);
  }
}

TEST(PrescriptionLine, KeepsRemarks) {
  const NotationCase cases[] = {
      {"Press in Clean (Sots Press) x 3 reps", "movement",
       R"json({"movements":[{"name":"Press in Clean","canonical":"press in clean"}],"remark":"(Sots Press)","reps":{"min":3,"max":3}})json"},
      {"Back Squat x 5 reps, focus on speed", "movement",
       R"json({"reps":{"min":5,"max":5},"remark":"focus on speed"})json"},
  };
  for (const NotationCase& notation : cases) {
    expect_case(notation);
  }
}

TEST(PrescriptionLine, KindMatchesDetail) {
  const char* lines[] = {"EMOM 10",         "Back Squat 5x5",
                         "*Set 1 = @ 60%",  "Build to a 3-RM Snatch",
                         "Rest 60 seconds", "Great job"};
  const LineKind kinds[] = {LineKind::kScheme, LineKind::kMovement, LineKind::kIntensity,
                            LineKind::kTarget, LineKind::kRest,     LineKind::kNote};
  for (std::size_t index = 0; index < std::size(lines); ++index) {
    SCOPED_TRACE(lines[index]);
    const ParsedLine line = parse_prescription_line(lines[index]);
    EXPECT_EQ(line.kind, kinds[index]);
    EXPECT_EQ(line.detail.index(), static_cast<std::size_t>(line.kind));
  }
}

// A scheme line keeps its movements on the heap, so a copy must own equal movements of its own.
TEST(PrescriptionLine, SchemeMovementsCopyByValue) {
  const ParsedLine original = parse_prescription_line("3 Rounds: 3 Pull-Ups, 6 Burpees");
  ASSERT_NE(original.scheme(), nullptr);
  ASSERT_TRUE(original.scheme()->movement);
  ParsedLine copy = original;
  ASSERT_TRUE(copy.scheme()->movement);
  EXPECT_NE(&*copy.scheme()->movement, &*original.scheme()->movement);
  EXPECT_EQ(*copy.scheme(), *original.scheme());

  std::get<SchemeLine>(copy.detail).movement->movements.pop_back();
  EXPECT_NE(*copy.scheme(), *original.scheme());
  EXPECT_EQ(original.scheme()->movement->movements.size(), 2U);

  copy = original;
  EXPECT_EQ(*copy.scheme(), *original.scheme());
  std::get<SchemeLine>(copy.detail).movement.reset();
  EXPECT_FALSE(copy.scheme()->movement);
  EXPECT_NE(*copy.scheme(), *original.scheme());

  const ParsedLine without = parse_prescription_line("3 Rounds:");
  ASSERT_NE(without.scheme(), nullptr);
  EXPECT_FALSE(without.scheme()->movement);
  EXPECT_EQ(*without.scheme(), *without.scheme());
}

TEST(PrescriptionLines, OneResultPerLine) {
  const std::vector<std::string> lines = {"Three sets of:", "Chin-ups x 8 reps", "",
                                          "Rest 60 seconds"};
  const std::vector<ParsedLine> parsed = parse_prescription_lines(lines);
  ASSERT_EQ(parsed.size(), lines.size());
  for (std::size_t index = 0; index < lines.size(); ++index) {
    EXPECT_EQ(parsed[index].text, lines[index]);
  }
}

}  // namespace
}  // namespace wodetl::prescription
