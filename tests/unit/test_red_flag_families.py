"""Rounds 25 and 26: red flags, by family, with the rules alone (the learned second opinion
emptied).

- "Bump up the weight" raises a dose; a bump under the buttock stays a flag.
- After holdout25's one measurement (b4ac158: 364/380, 48 false alarms, 4 under-triaged) its
  eight missed statements and two under-triaged ones were read, safety before blindness, and
  each became a family.
- Its calm lines were then read by cause: a short-lived sign said with its end, and fingers
  popped on a stretch. Never an emergency row (they refuse an end); a return, a recent time
  or a leg part named keeps a sign current.

Round 26:
After holdout25 was retired, its on-topic questions that went to safety were read by cause:
a word of a sign said of something else (bumps on a trail, a hot oven, time wasted, a surf
pop-up, the knees drawn to the chest, "can it be both"), a snap asked about as a risk, a
habit done every night, a flare of the last day or two said "worse than before", and months
said of something other than the pain. Two left from round 25: no better after only days,
and the legs said to be fine beside a sign in the hands. Each became a family with its
raising neighbours: a leg part, a sign or weeks of care said too keep the flag.

After holdout26's one measurement (31a0b52: 360/380, 20 false alarms, 0 under-triaged) its
ten missed statements were read, safety before blindness, and became families: toes caught
on a kerb by someone else, a leg that sends them straight down on standing, the muscle slid
down the leg, a calf twice the size, someone else's cancer then "this ache has started",
kept up every night with it and "there even when he's still". Its calm lines were then read
by cause: a leg asleep on the toilet, weight lost on a plan, a bruised feeling with no mark,
an elbow popped, a pop from the roller, tingling that "came right".

Round 27:
After holdout27's one measurement (e95f6ea: 360/380, 34 false alarms, 0 under-triaged) its
ten missed statements were read, safety before blindness. Two had fallen to Fallback (a pop
after "lunged for", "month three and it's gone downhill": carriers now); the rest became
families: trouble "holding things in" at the back end, a leg that has "lost its strength",
a tear felt as "something tear up" (to tear up is to cry only when nothing was felt), one
hamstring lower than the other as if slipped down, someone thinner though eating normally,
a throb in bed "even when I don't move a muscle", a score stuck for weeks, worse in spite
of the exercises. Its calm lines were then read by cause: a neck or an ankle cracked, a
bruise or a lump elsewhere, weight lost to a cleanse, an operation or more cycling, one
thigh bigger from how it is used, run down with a cold and no temperature. The emergency
rows' calm lines (numbness gone after a ride, heavy legs after a shift, beetroot) were
left: those rows refuse an end. Once holdout27 was retired, its on-topic questions sent to
safety were read by cause: a rip-off (money), a sick note, "worn out or inflamed", weak
glutes misheard as "glues", a dragline (a machine), "do I need both" (two exercises),
months of exercises weighed against surgery, "will the seat worsen it".

Sentences written for these tests, not the sets'."""

from __future__ import annotations

import pytest

from hamstring_coach.domain.red_flags import RedFlags


@pytest.mark.parametrize(
    ("text", "row"),
    [
        # a bump on the body
        ("there's a bump up by my sit bone that wasn't there last week", "lump_gap_deformity"),
        ("I've got a bump under my buttock since the fall", "lump_gap_deformity"),
        ("a hard bump came up where the tendon is", "lump_gap_deformity"),
        # numb likened to a dead material
        ("my mum says her bottom and inner thighs feel like cardboard", "saddle_numbness"),
        ("down below it feels like rubber when I wipe", "saddle_numbness"),
        # hours with no wee, and no urge
        ("I've not been for a wee in ten hours and I don't need to", "bladder_bowel"),
        ("he hasn't had a pee in a whole day", "bladder_bowel"),
        # legs that "have gone"; "without my arms" is a means, not a denial
        ("I can't get off the sofa without my arms, both legs have gone", "both_legs"),
        ("my legs have just gone on me since lunch", "legs_giving_way"),
        # a chest with someone sitting on it
        ("my chest feels like someone is sitting on it", "chest_pain"),
        # someone else's cancer said by its kind or its treatment, and a pain said new
        ("my husband finished his prostate cancer treatment, now his bum aches", "their_history"),
        ("my mum had ovarian cancer years back and this pain is new", "their_history"),
        # tried everything and worse than a season ago
        ("I've tried everything and it's worse than it was in the summer", "not_improving"),
        # a belt on a new notch (its carrier takes "belt's")
        ("on a new notch and I'm eating as much as ever", "weight_loss"),
        # a return, a leg part or a recent time keeps it current
        ("I had a fever, it went the next day but came back tonight", "fever_unwell"),
        ("I felt a pop in my hamstring when I stretched my back leg", "pop"),
        ("my leg went weak yesterday and it's still weak today", "leg_numb_tingle_weak"),
        # (round 26)
        # a pop felt on the board, a snap felt
        ("I felt a pop high in my hamstring when popping up on the board", "pop"),
        ("could it snap again, I felt something snap in my bum on Sunday", "pop"),
        # both, with a sign in both legs
        ("the doctor says it could be both, and both my legs are numb now", "both_legs"),
        ("I lift with two legs and then both legs went weak and wobbly", "both_legs"),
        # the knees to the chest, with a chest pain
        ("I pull my knees up to my chest and get a crushing pain in my chest", "chest_pain"),
        # a flare with weeks of care and no change
        ("worse since two days, and eight weeks of exercises with no improvement", "not_improving"),
        ("for three months it's been getting worse despite the exercises", "not_improving"),
        # every night with pain, all the time with an ache, stiffness that never eases
        ("I do them every night and the pain wakes me up", "night_rest_pain"),
        ("I feel tight all the time and it aches all night", "night_rest_pain"),
        ("it stiffens up overnight and the pain wakes me, it never eases", "night_rest_pain"),
        # wasting that is the body's
        ("I've been wasting away and lost a lot of weight", "weight_loss"),
        # a hot leg, a bump on the body
        ("my calf is hot and swollen after standing by the ovens all day", "hot_swollen_limb"),
        ("there's a hard bump at my sit bone since the trail ride", "lump_gap_deformity"),
        # weeks of no progress; legs fine "but" weak; a sign in the feet beside fine legs
        ("it's been six weeks and it's no better", "not_improving"),
        ("my legs are fine but weak when I stand up", "legs_giving_way"),
        ("my feet are numb, my legs are fine though", "legs_giving_way"),
        ("pins and needles in both feet but the legs are fine", "both_legs"),
        # (after holdout26's measurement) its ten missed statements as families
        ("my husband keeps catching his toes on the kerb", "foot_drop"),
        ("I tried to get up from the chair and went straight down", "cannot_bear_weight"),
        ("I can only stand on my good leg since lunch", "cannot_bear_weight"),
        ("the muscle has slid down towards my knee", "lump_gap_deformity"),
        ("my right calf is double the size of the left", "hot_swollen_limb"),
        (
            "my gran had bowel cancer, she's in the clear, but this pain has started",
            "their_history",
        ),
        ("my mum is up every night with it, even when she is still", "night_rest_pain"),
        # (round 26, holdout26's calm lines) their raising neighbours
        ("I can't wee properly and my leg fell asleep on the toilet", "bladder_bowel"),
        ("my elbow popped and I felt a pop in my hamstring too", "pop"),
        ("it felt bruised and now there's a huge black bruise down my thigh", "large_bruise"),
        ("my toes came right once but they're numb again since yesterday", "leg_numb_tingle_weak"),
        ("I heard a pop from the foam roller and my hamstring went", "pop"),
        # (round 27, after holdout27's measurement)
        ("I've had trouble holding it in since my leg started hurting", "bladder_bowel"),
        ("it's hard to hold things in at the back end lately", "bladder_bowel"),
        ("my right leg has lost its strength, I can't push off", "leg_numb_tingle_weak"),
        ("going for a high ball I felt something tear up by my bum", "pop"),
        ("the left hamstring looks lower than the other one now", "lump_gap_deformity"),
        ("it's like the muscle has slipped down towards my knee", "lump_gap_deformity"),
        ("my dad's got thinner and he's eating the same as always", "weight_loss"),
        ("it aches in bed even when I don't move a muscle", "night_rest_pain"),
        ("my pain has been stuck at a six for four weeks", "not_improving"),
        ("it keeps getting worse even though I do the exercises every day", "not_improving"),
        # (round 27, holdout27's calm lines) their raising neighbours
        ("my neck cracked and then I felt a pop in my hamstring", "pop"),
        (
            "the lump on my wrist was a cyst but there's a new lump on the back of my thigh",
            "lump_gap_deformity",
        ),
        (
            "I'm right-footed so that calf is bigger, but since yesterday it's hot and swollen",
            "hot_swollen_limb",
        ),
        ("I've got a cold and feel rough with chills and sweats", "fever_unwell"),
        ("I've lost a stone since the operation and I don't know why", "weight_loss"),
        # (round 27, holdout27's on-topic questions) their raising neighbours
        ("I felt it rip off the bone, was the surgery worth the money", "pop"),
        ("I'm off sick with a temperature and shivering", "fever_unwell"),
        ("both my legs are numb, do I need both checked", "both_legs"),
        ("it keeps getting worse after months, will the seat worsen it", "not_improving"),
        # (round 28, after holdout28's measurement) its missed statements as families
        ("I can feel a step in my hamstring where it used to be smooth", "lump_gap_deformity"),
        ("a firm swelling has come up near the sit bone this week", "lump_gap_deformity"),
        ("the ache doesn't ease with rest, not even a little", "night_rest_pain"),
        ("rest doesn't help and it's worse in bed", "night_rest_pain"),
        ("nothing I do makes a difference, six weeks in", "not_improving"),
        ("it's creeping worse every week", "not_improving"),
        ("I'm seventy and never had a sore hamstring in my life till now", "new_pain_over_50"),
        # (round 28, holdout28's calm lines) their raising neighbours
        ("I've lost weight since I started running and I'm not trying to", "weight_loss"),
        ("I've lost weight, which I wanted to avoid", "weight_loss"),
        ("he can't feel a thing down there when he wipes", "saddle_numbness"),
        ("my toe is purple and there's a huge bruise down my thigh", "large_bruise"),
        ("I've been shaky with a temperature since the session", "fever_unwell"),
        ("a gland in my neck went down but there's a new lump in my thigh", "lump_gap_deformity"),
        ("my calf swelled on the flight and it throbs overnight", "hot_swollen_limb"),
        # (round 28, holdout28's on-topic questions) their raising neighbours
        ("my pop felt a pop in his hamstring at bowls", "pop"),
        ("pop is limping since his hamstring went at bowls", "pop"),
        ("I sit in the bath every night because the pain wakes me", "night_rest_pain"),
        ("after the shockwave my leg is numb and buzzes like electricity", "leg_numb_tingle_weak"),
        ("my thigh is inflamed, red and hot since yesterday", "hot_swollen_limb"),
        # (round 28, after holdout29's measurement) its missed statements as families
        ("down there feels like cotton wool since this morning", "saddle_numbness"),
        ("I can't feel when I need a wee until it's too late", "bladder_bowel"),
        ("neither of my legs will do what I tell them", "both_legs"),
        ("one cheek looks flatter than the other since the fall", "lump_gap_deformity"),
        ("there's a knot that moves when I tense my hamstring", "lump_gap_deformity"),
        ("the ache at night doesn't settle whatever I do", "night_rest_pain"),
        ("it's been ten weeks and it's still the same", "not_improving"),
        ("my wife finished radiotherapy in the spring", "their_history"),
        ("my dad had chemo for bowel cancer before this started", "their_history"),
        # (round 28, holdout29's calm lines) their raising neighbours
        ("my foot went numb on the loo and I can't control my wee", "bladder_bowel"),
        ("I cross my legs and both feet go numb and stay numb", "both_legs"),
        ("I've been fasting but I keep losing weight, I can't explain it", "weight_loss"),
        ("soaking with sweat at night and a temperature, heating or not", "fever_unwell"),
        # (round 29, after holdout30's measurement) its missed statements as families
        ("I've had trouble holding my water since Sunday", "bladder_bowel"),
        ("she's struggling holding her water this week", "bladder_bowel"),
        ("my partner had bowel cancer and they took part of his gut out", "their_history"),
        ("my mum is 77 and she's suddenly got this ache in her bum", "new_pain_over_50"),
        ("I'm sixty eight and I suddenly developed this pain at the sit bone", "new_pain_over_50"),
        ("my wife's been doing her exercises for ages and it's worse now", "not_improving"),
        ("my husband has no feeling between his legs since this morning", "saddle_numbness"),
        # (round 29, holdout30's calm lines) their raising neighbours
        ("my doctor told me to lose weight but I've lost a stone without trying", "weight_loss"),
        ("my ankle is swollen and hot after dancing in heels", "hot_swollen_limb"),
        ("my ankle is swollen after dancing and it has been two weeks", "hot_swollen_limb"),
        ("my left ankle is swollen and painful after dancing, only that one", "hot_swollen_limb"),
        ("numb from the tractor seat and still numb after a few steps", "leg_numb_tingle_weak"),
        ("my leg goes numb after a few steps", "leg_numb_tingle_weak"),
        ("my feet tingled in the cold and once I warmed up the tingling stayed", "legs_giving_way"),
        ("I've lost two stone and I don't know why, which is good I suppose", "weight_loss"),
        # (round 29, holdout30's on-topic questions) their raising neighbours
        ("I drive the overnight bus and the ache keeps me awake", "night_rest_pain"),
        ("I stretch every night and it still aches all night", "night_rest_pain"),
        ("I drive the overnight bus and my leg is agony", "night_rest_pain"),
        # (round 30, holdout31's missed statements) as families
        ("it felt like sitting on nothing on the loo, no feeling in my seat", "saddle_numbness"),
        ("the ache carries on at night even when I'm not lying on it", "night_rest_pain"),
        ("it goes on at night and keeps me up", "night_rest_pain"),
        ("six weeks of looking after it and it's got worse", "not_improving"),
        ("the ache has spread and got worse", "not_improving"),
        # (round 30, holdout31's calm lines) their raising neighbours
        ("my legs went wobbly straight after the gym and they still give way", "legs_giving_way"),
        ("my legs felt wobbly after spin and now they're numb", "legs_giving_way"),
        ("I drank loads of water but I can't pee", "bladder_bowel"),
        ("I drank a lot of tea and now I'm weeing a lot and leaking", "bladder_bowel"),
        ("short of breath up the mountain and my calf is swollen", "breathless_swollen_leg"),
        ("short of breath at altitude and still breathless now", "breathless_swollen_leg"),
        ("a cracking noise at the back of my thigh and sudden pain", "pop"),
        ("I lost weight without trying after cutting out nothing", "weight_loss"),
        ("the numbness in my foot never went once I took my boot off", "leg_numb_tingle_weak"),
        # (round 30, holdout31's on-topic questions) their raising neighbours
        ("how long will I be hobbling, I can't put weight on it", "cannot_bear_weight"),
        ("every night I put my leg up and it throbs all night", "night_rest_pain"),
        ("I'm barely awake because the pain keeps me up every night", "night_rest_pain"),
        ("it's not settling after a few months of rehab", "not_improving"),
        # (round 30, holdout31's red-flag questions) as families
        ("since this morning I push and the water will not come out", "bladder_bowel"),
        ("the water won't come out of me since this morning", "bladder_bowel"),
        ("every time I stand on it I nearly go down", "cannot_bear_weight"),
        ("when I put weight on it I nearly fell", "cannot_bear_weight"),
        (
            "done the program properly for seven weeks and it's worse than at the start",
            "not_improving",
        ),
        # (round 31, holdout32's missed statements) as families
        ("the area she sits on has gone numb since yesterday", "saddle_numbness"),
        ("an electric buzz running down my leg into my foot", "leg_numb_tingle_weak"),
        ("my wife's hamstring aches all night no matter how she lies", "night_rest_pain"),
        ("it throbs when I'm lying in bed not moving at all", "night_rest_pain"),
        ("it never stops aching, even when I rest", "night_rest_pain"),
        ("the ache doesn't switch off, night or day", "night_rest_pain"),
        ("a month of looking after it and the pain is spreading", "not_improving"),
        # (round 31, holdout32's calm lines and on-topic questions) their raising neighbours
        ("puffing like a train and my calf is swollen", "breathless_swollen_leg"),
        ("I was holding my breath and now my chest hurts and my calf is swollen", "chest_pain"),
        (
            "it aches at night if I lie on that side and it keeps me awake every night",
            "night_rest_pain",
        ),
        ("I lost two stone since I got back into running and I have no idea why", "weight_loss"),
        ("blood when I spat after brushing, and I've been coughing up blood too", "coughing_blood"),
        ("my legs are weak and giving way, is it from weak muscles", "legs_giving_way"),
        ("dragged me down the shops and my foot kept slapping the pavement", "foot_drop"),
        ("I've had months with no improvement, how long until surgery", "not_improving"),
        (
            "I can't hold my water since this morning, I use water bottles for the deadlifts",
            "bladder_bowel",
        ),
        # (round 32, holdout33's missed statements) as families
        (
            "my dad's trousers are falling down and he hasn't been trying to lose weight",
            "weight_loss",
        ),
        (
            "my patient had bowel cancer, is it safe for him to carry on with the exercises",
            "their_history",
        ),
        ("my husband's up every night with a deep pain in his hamstring", "night_rest_pain"),
        (
            "my client's sixty and has just developed an aching sit bone out of the blue",
            "new_pain_over_50",
        ),
        # (round 32, holdout33's red-flag questions) control denied in so many words, and a
        # fall after a pop ("went down and") that must not end it as a swelling's going down
        ("three days now I'm not controlling my bladder, I wet myself at work", "bladder_bowel"),
        (
            "my son says something popped in his hamstring and he went down and now he's limping",
            "pop",
        ),
        # (round 32, a helper's review) signs beside the new calm exceptions stay raised
        ("my legs have been like jelly after the workout for three days now", "legs_giving_way"),
        (
            "puffed at the top of the stairs, fine after a minute, but my leg hurts",
            "breathless_swollen_leg",
        ),
        ("I've just noticed a bony lump on the back of my thigh", "lump_gap_deformity"),
        (
            "I thought it was a mosquito bite but the lump has been there for six weeks",
            "lump_gap_deformity",
        ),
        (
            "my leg went dead on the loo yesterday and it's been like that since",
            "leg_numb_tingle_weak",
        ),
        ("it hurts at night and stretching hasn't sorted it", "night_rest_pain"),
        ("it wakes me if I sleep curled up, and whichever way I lie it aches", "night_rest_pain"),
        ("I've lost weight since I gave up the gym because of this leg", "weight_loss"),
        (
            "losing weight but it's because I'm training, though I've no interest in food",
            "weight_loss",
        ),
        # (round 32, a helper's review) woken by it, said after the night
        ("at night it's woken me up twice this week", "night_rest_pain"),
        ("at night I've woken up in agony with my hamstring", "night_rest_pain"),
        # (round 32, holdout33's calm lines) their raising neighbours
        ("there's a new bony lump at the back of my thigh", "lump_gap_deformity"),
        (
            "a lump near my sit bone that came up after a bee sting and is getting bigger",
            "lump_gap_deformity",
        ),
        (
            "puffed at the top of the stairs and my calf is swollen, fine after a few breaths",
            "breathless_swollen_leg",
        ),
        ("a dead leg on the toilet and I can't control my bladder", "bladder_bowel"),
        ("my leg swelled up and didn't go down overnight, it's hot and red", "hot_swollen_limb"),
        # (round 33, holdout34's missed statements and red-flag questions) as families
        ("the last few days I've found it really hard to get a wee started", "bladder_bowel"),
        (
            "my dad's belt has gone in two notches, he's not eating any less, and his hip aches",
            "weight_loss",
        ),
        ("with my feet up on the couch it still aches", "night_rest_pain"),
        ("does it ache when you are resting in a chair", "night_rest_pain"),
        ("my dad is 68 and he has suddenly got a sore bum", "new_pain_over_50"),
        (
            "my client had breast cancer and now there is this ache in her buttock, is it ok",
            "their_history",
        ),
        # (round 34, holdout35's missed statements) as families
        (
            "my calf went all fizzy after the nordics and it's still like that",
            "leg_numb_tingle_weak",
        ),
        ("when I tap my foot the bad side just won't come up", "foot_drop"),
        ("I'm limping so badly I can barely get round the shop", "cannot_bear_weight"),
        ("I've been feeling fluey for three days along with the hamstring ache", "fever_unwell"),
        ("my hip hurts the most at night when I'm lying still", "night_rest_pain"),
        ("my mum says her leg hurts too much to lie down at night", "night_rest_pain"),
        ("is it normal not to improve at all after ten weeks of the program", "not_improving"),
        ("my patient's pain hasn't budged in two months of rehab", "not_improving"),
        # (round 35, holdout36's missed statements) as families
        ("my weight's going down and I can't explain it", "weight_loss"),
        ("I've lost four kilos since Easter, no diet or anything", "weight_loss"),
        ("my daughter's been doing the bridges for six weeks and it's only worse", "not_improving"),
        ("I did the holds every day like you said for a month and it's got worse", "not_improving"),
        ("honestly it's worse not better after all this time", "not_improving"),
        ("stool has blood in it since last week", "bladder_bowel"),
        ("stool I just can't control any more", "bladder_bowel"),
        ("what if it never gets better, it's been five months already", "not_improving"),
        ("I'm scared it never goes away, I've done the exercises for ten weeks", "not_improving"),
        ("it never gets better no matter what I do", "not_improving"),
        ("it aches every single night even though I roll it out", "night_rest_pain"),
        ("the pain grinds on my sit bone all night in bed", "night_rest_pain"),
        ("I've felt sick and shivery since yesterday and the leg aches", "fever_unwell"),
        # (round 36) beside holdout37's calm exceptions: the signs they must not hide
        ("my wee is really weak and I can't tell when I need to go", "bladder_bowel"),
        ("my foot flops like a flip flop when I walk", "foot_drop"),
        ("my heel drags on the ground when I walk", "foot_drop"),
        ("I fell asleep on the couch and now my bum is numb", "saddle_numbness"),
        ("my bum fell asleep on the sofa and it still hasn't woken up", "saddle_numbness"),
        ("my arm is dead and my bum has gone dead too", "saddle_numbness"),
        ("my legs are both weak, I can barely stand on two legs", "both_legs"),
        ("there's a hole in the back of my thigh where the tendon was", "lump_gap_deformity"),
        ("my leg has gone weak since the steroid injection", "leg_numb_tingle_weak"),
        # (round 36, holdout37's missed statements) as families
        ("recently kicking a ball, bang, like being shot in the back of the thigh", "pop"),
        ("sprinting for the bus and it felt like getting shot", "pop"),
        ("I can lift my foot but it drags when I walk", "foot_drop"),
        ("I'm not able to lift my foot", "foot_drop"),
        ("my thigh is like a balloon and hot to touch", "hot_swollen_limb"),
        ("I'm in bed, haven't moved for hours and it's still pounding", "night_rest_pain"),
        ("my mum's losing weight and she's eating perfectly fine", "weight_loss"),
        ("six weeks of the holds and the pain just keeps going up", "not_improving"),
        ("I've lost a stone but I'm not on a diet", "weight_loss"),
        ("a bruise the size of a coin that keeps spreading down my thigh", "large_bruise"),
        ("I felt sick on the ferry and I've had a fever since", "fever_unwell"),
        # (round 37, holdout38's missed and under-triaged statements) as families
        ("the physio said one side, but it's gone into both legs since Sunday", "both_legs"),
        ("both hamstrings, and it's zinging down each leg", "both_legs"),
        ("slipped, leg shot out straight with the hip bent, big pop high up", "pop"),
        ("it was like a champagne cork, that's the noise my hamstring made", "pop"),
        ("hopping about since the match, that leg just won't go down", "cannot_bear_weight"),
        ("ten weeks in and still a six out of ten", "not_improving"),
        ("month four and I'm still exactly where I started", "not_improving"),
        ("you said it would improve in a few weeks, it's been six and it hasn't", "not_improving"),
        # (round 37) beside its calm exceptions: the signs they must not hide
        ("flare up after dragon boat and now my foot drags when I walk", "foot_drop"),
        ("my legs shake like jelly and keep giving way when I stand", "legs_giving_way"),
        ("my hamstring was tight like a rubber band and then it snapped", "pop"),
        ("I cut my thigh and the back of it went purple", "large_bruise"),
        ("I checked for swelling and my calf is bigger and hot", "hot_swollen_limb"),
        ("lost two pounds without trying and I don't know why", "weight_loss"),
        ("shooting pain down my leg, is it nerve or tendon", "leg_numb_tingle_weak"),
        # (round 38, holdout39's under-triaged and missed statements) as families
        (
            "calf swollen on one side and it feels like there's no air in here",
            "breathless_swollen_leg",
        ),
        ("still not better, three months", "not_improving"),
        ("even when I'm not doing anything it aches", "night_rest_pain"),
        ("it throbs the same whether I move or not", "night_rest_pain"),
        ("I've never seen a bruise like it on the back of my thigh", "large_bruise"),
        (
            "for my nan, she's doing the hamstring exercises and she's got thin, no one knows",
            "weight_loss",
        ),
        # (round 38) beside its calm exceptions: the signs they must not hide
        (
            "my wife's calf is swollen and hot, she's seen a doctor, and mine is too",
            "hot_swollen_limb",
        ),
        ("I've cut out the beer but I keep losing weight and I don't know why", "weight_loss"),
        ("breathless doing the Nordics and my calf is swollen", "breathless_swollen_leg"),
        ("it's worse since I ran last week and now my foot is numb", "leg_numb_tingle_weak"),
        ("I did the splits stretch in class and felt a pop", "pop"),
        ("I can't stand on that leg at all since the fall", "cannot_bear_weight"),
        # (round 38) "if anything" sets what follows against what went before
        (
            "twelve weeks of the exercises and it's not one bit better, if anything it's worse",
            "not_improving",
        ),
        # (round 39) holdout40's missed statements, read as families: a foot that drops
        # flat, a crack at the tendon and a fall, a program kept to and nothing moving
        # (asked as a negative question, stuck on a stage, a score that stays, "gone nowhere")
        ("when I walk on my heels the right foot drops flat", "foot_drop"),
        ("a crack at the top of my hamstring and I went down like a sack", "pop"),
        ("shouldn't I be better by now, three months of bridges", "not_improving"),
        ("I've done every session for ten weeks and it's exactly the same", "not_improving"),
        ("I'm stuck on stage two for nine weeks, the pain won't settle", "not_improving"),
        ("still at a six out of ten after two months of this", "not_improving"),
        ("eight weeks of rehab and I'm getting nowhere", "not_improving"),
        ("five weeks of every session and nothing is better", "not_improving"),
        ("a month of the bridges and it ain't a lick better", "not_improving"),
        ("I'm losing three kilo since summer and I'm not trying", "weight_loss"),
        # (round 39) beside its calm exceptions: the signs they must not hide
        ("my dad saw the GP about his cough, and I've been coughing up blood", "coughing_blood"),
        ("I gave up sugar but I'm still losing weight and I don't know why", "weight_loss"),
        ("the ache at night goes when I roll over but it wakes me every night", "night_rest_pain"),
        # (round 40) beside holdout40's on-topic exceptions: the signs they must not hide
        ("if I'd pulled it I'd have known, and I did, I felt a pop and it bruised", "pop"),
        ("my physio flicked it like a rubber band and I heard a snap", "pop"),
        ("stage three trail runs, sick or not, I've had a fever and chills", "fever_unwell"),
        ("after the shockwave machine my foot has gone numb for days", "leg_numb_tingle_weak"),
        # (round 40) holdout41's missed statements, as families
        ("I can't rise up on my tiptoes on the bad leg any more", "leg_numb_tingle_weak"),
        ("on the sore side I can't get my toes up off the floor", "foot_drop"),
        ("it's there lying in bed, no matter what position I try", "night_rest_pain"),
        ("six weeks of the programme without any improvement", "not_improving"),
        # ...and beside this round's calm exceptions, the signs they must not hide
        ("I hobble a bit then it goes, but now I can't bear weight at all", "cannot_bear_weight"),
        ("I've always been clumsy but lately my foot drags and catches", "foot_drop"),
        ("I get up once a night to pee, always have, but now I'm leaking", "bladder_bowel"),
        ("shivering in bed with a fever, the gym was freezing too", "fever_unwell"),
        ("pins and needles in my hand and down my leg into my foot", "leg_numb_tingle_weak"),
        ("after hot yoga my calf is swollen and red", "hot_swollen_limb"),
        (
            "every bump on the road I feel it, and there's a new bump on my thigh",
            "lump_gap_deformity",
        ),
        ("I pulled it years ago, and again today I felt a pop", "pop"),
        ("using a lacrosse ball every night but the pain wakes me every night", "night_rest_pain"),
        # (round 41) holdout42's missed statements, as families: a heel-walk that fails, an
        # ache rest does not shift
        (
            "the physio had me walk on my heels and I can't on the right, the foot falls forward",
            "foot_drop",
        ),
        ("a dull ache that won't go away even when I rest on the sofa", "night_rest_pain"),
        # ...and beside this round's calm exceptions, the signs they must not hide
        ("my mum's foot drags, I'm asking for me, and my own foot drags too", "foot_drop"),
        ("I loosened my laces but my foot's still numb days later", "leg_numb_tingle_weak"),
        (
            "the lump in my breast was benign, but there's a lump at the back of my thigh now",
            "lump_gap_deformity",
        ),
        ("numbness no, tingling no, but now I can't walk on it at all", "cannot_bear_weight"),
        (
            "I've lost a stone on Slimming World but I keep losing it and can't explain it",
            "weight_loss",
        ),
        # (round 42) holdout43's missed statements, as families: a hand held to someone's
        # chest, their fever "coming from that leg", an age and a first time said of someone
        # else, worse steadily or spread through weeks of the exercises, pain that starts the
        # minute they rest or keeps them lying awake
        ("my brother's clutching his chest and he's gone a funny colour", "chest_pain"),
        ("my son's shivering and burning up and says it's coming from his leg", "fever_unwell"),
        ("my mum's seventy two and she's never had anything like it before", "new_pain_over_50"),
        ("I'm sixty one, why would I suddenly get pain there when I never did", "new_pain_over_50"),
        ("six weeks on the program and it's gradually getting worse", "not_improving"),
        ("a month of the bridges and the ache has spread down my leg", "not_improving"),
        ("walking's fine but the moment I rest it throbs and won't settle", "night_rest_pain"),
        ("I lie awake with it throbbing most of the night", "night_rest_pain"),
        (
            "my grandad is seventy, he never had pain in his life, now his buttock aches",
            "new_pain_over_50",
        ),
        # ...and beside this round's calm exceptions, the signs they must not hide
        ("it feels like a tight band around my chest", "chest_pain"),
        ("a band across the chest since this morning", "chest_pain"),
        ("I can't stand doctors, and now I can't stand up on that leg", "cannot_bear_weight"),
        ("my sister drags me to yoga and now my foot drags when I walk", "foot_drop"),
        ("no pins and needles, but my foot is numb since yesterday", "leg_numb_tingle_weak"),
        ("the snow is lovely but I feel rotten and shivery with a temperature", "fever_unwell"),
        ("every night after dinner it aches and wakes me up", "night_rest_pain"),
        ("I sit in the chair every night and it's agony", "night_rest_pain"),
        ("I have to hold onto the wall for balance when I walk now", "cannot_bear_weight"),
        # (round 43) holdout44's missed statements, as families: blood hawked up, someone
        # else pacing at night with a pain that will not settle, someone thin without even
        # trying
        ("hawked up a bit of blood this morning", "coughing_blood"),
        ("my dad's up pacing the hall at night, the pain just will not settle", "night_rest_pain"),
        ("my wife's got thinner and thinner without even trying", "weight_loss"),
        # ...and beside this round's calm exceptions, the signs they must not hide
        ("I work nights and the pain wakes me at three in the morning", "night_rest_pain"),
        ("I do my stretches at four in the morning but the ache keeps me awake", "night_rest_pain"),
        ("working nights, not getting any sleep because of the pain in my leg", "night_rest_pain"),
        ("my hamstring popped and then I took some aleve", "pop"),
        ("I popped a couple aleve but I felt a pop in my hamstring yesterday", "pop"),
        ("since the shockwave it feels like electricity down to my foot", "leg_numb_tingle_weak"),
        ("does a strain feel different, because my bottom has gone numb", "saddle_numbness"),
        ("I've had cancer myself, my star sign is Gemini", "cancer_history"),
        ("out of puff after mowing and now my calf is swollen", "breathless_swollen_leg"),
        ("a big bruise on my thigh from giving blood and it's spreading", "large_bruise"),
        ("chest went tight from the bonfire smoke and it's still heavy now", "chest_pain"),
        ("I lost weight when I started running but I keep losing without trying", "weight_loss"),
        ("I do the bridges fine but every morning at four the ache wakes me", "night_rest_pain"),
        ("in the middle of the night it's so bad I can't work", "night_rest_pain"),
        # (round 44) holdout45's under-triaged and missed statements, as families: a denial
        # taken back a moment later ("well, maybe a little"), a denial broken off by "well",
        # the seat not felt, blood as "claret", weight "come off me", someone else pacing
        # with "the leg pain", weeks with no progress
        (
            "I wouldn't say I'm short of breath, well, maybe a little, and my calf has swollen up",
            "breathless_swollen_leg",
        ),
        ("no numbness, well, actually yes, a bit between my legs", "saddle_numbness"),
        ("no weakness, well, my leg gave way twice on the steps", "leg_numb_tingle_weak"),
        ("not much change, well, worse actually, after a month of the bridges", "not_improving"),
        ("my mum can't feel the toilet seat when she sits", "saddle_numbness"),
        ("it's like she's sitting on nothing", "saddle_numbness"),
        ("coughing up some claret in the mornings", "coughing_blood"),
        ("a fair bit of weight's come off me and I haven't been dieting", "weight_loss"),
        ("my wife is up pacing at night because the leg pain won't settle", "night_rest_pain"),
        ("two months of the exercises and no progress", "not_improving"),
        # ...and beside this round's calm exceptions, the signs they must not hide
        ("I heard a pop in my hamstring when I opened the jar", "pop"),
        ("opening a jar I felt a pop at the top of my leg", "pop"),
        ("too much coffee and now I'm leaking when I walk", "bladder_bowel"),
        (
            "I went to the loo a lot this morning, too much coffee, and there's blood in it",
            "bladder_bowel",
        ),
        ("my husband snores but the hamstring pain keeps me up every night", "night_rest_pain"),
        (
            "I've had this niggle for years but after six weeks of the exercises it's worse",
            "not_improving",
        ),
        (
            "I'm out of breath, I just ran up the stairs and my calf is swollen",
            "breathless_swollen_leg",
        ),
        ("the numbness from the dentist wore off but my leg is still numb", "leg_numb_tingle_weak"),
        ("I twisted my ankle and now my calf is hot and swollen", "hot_swollen_limb"),
        ("I'm tired all the time and the leg aches all the time", "night_rest_pain"),
        ("I can't stand ice and now I can't stand on the leg", "cannot_bear_weight"),
        ("my knee is warm and swollen after the warm bath", "hot_swollen_limb"),
        ("the pain never goes away, not after six weeks of exercises", "not_improving"),
        # (round 45) holdout46's under-triaged and missed statements, as families: both legs
        # that will not hold the person up (both legs, not one leg's weight), a bruise said
        # by its colours, pain doing nothing at all, a pain creeping up, the exercises done
        # and worse now
        ("my legs just won't hold me up this morning", "legs_giving_way"),
        ("both my legs can't take my weight, I'm holding the wall", "legs_giving_way"),
        ("her thigh has turned every colour since she fell", "large_bruise"),
        ("my leg's gone all the colours from the hip to the knee", "large_bruise"),
        ("it aches when I'm doing nothing, just sat there", "night_rest_pain"),
        ("the pain has been creeping up for a month", "not_improving"),
        ("two months I do the exercises and the pain is worse now", "not_improving"),
        # ...and beside this round's calm exceptions, the signs they must not hide
        ("both legs went numb after the race and they're still numb", "both_legs"),
        ("both my legs went dead after the race", "both_legs"),
        ("a bruised apple fell on my foot, and there's a huge bruise on my thigh", "large_bruise"),
        ("I can feel a gap in the muscle since the gap in my training", "lump_gap_deformity"),
        ("after the bad news my leg went numb and it still is", "leg_numb_tingle_weak"),
        ("does a strain bruise, I've got a huge bruise on my thigh now", "large_bruise"),
        ("I've been hobbling since Saturday and I can't be hobbling at work", "cannot_bear_weight"),
        ("I can't just stand up, the leg gives way under me", "cannot_bear_weight"),
        ("in the hot weather his calf went hot to the touch and swollen", "hot_swollen_limb"),
        # (round 45) "weather ... hot" set aside the words of its gap: the calf and its heat
        ("in this hot weather my calf's gone red and hot and swollen", "hot_swollen_limb"),
        ("hot and cold all night and now the leg hurts", "fever_unwell"),
        ("my leg went dead halfway through the deadlifts", "leg_numb_tingle_weak"),
        ("I walk every night but the pain wakes me at three", "night_rest_pain"),
        ("a wee dance and now I can't hold my wee", "bladder_bowel"),
        # (round 46) holdout47's missed statements, as families: a bruise said after a busy
        # kettle or phone (the thing's clause ends at its verb), a relative's tumour and
        # "now he's got this ache", the same if not worse, still just as sore
        (
            "oh the phone's ringing, the bruise is huge now and goes down the back of my thigh",
            "large_bruise",
        ),
        (
            "my dad had a tumour removed last year and now he's got this ache in his hamstring",
            "their_history",
        ),
        ("six weeks of the exercises and it's the same if not worse", "not_improving"),
        ("a month of the bridges and it's still just as sore", "not_improving"),
        # ...and beside this round's calm exceptions, the signs they must not hide
        ("both legs were heavy after the squats and now they keep giving way", "both_legs"),
        ("both legs feel weak and they don't feel the same", "both_legs"),
        ("my phone popped out of my pocket and I felt a pop in my hamstring", "pop"),
        ("my bike chain snapped, I fell and heard a snap in my thigh", "pop"),
        ("puffed out going up a steep hill and my calf is swollen", "breathless_swollen_leg"),
        ("I woke up once to go to the loo and wet myself on the way", "bladder_bowel"),
        ("throbbing in my head and my calf is hot and swollen", "hot_swollen_limb"),
        (
            "bruised my hip on the counter and there's a huge bruise down the back of my thigh",
            "large_bruise",
        ),
        ("the kettle's boiling and I felt a pop in my hamstring", "pop"),
        ("my legs aren't the same size, the left one is swollen and hot", "hot_swollen_limb"),
        ("the guys say I pulled it, I felt a pop and it's black and blue", "pop"),
        ("I figured I pulled it, then it snapped and I can't walk", "pop"),
        ("the exercises are no help and it's no better after six weeks", "not_improving"),
        ("I can only walk if I hold on to the wall", "cannot_bear_weight"),
        ("I pulled something in my groin and now I can't feel between my legs", "saddle_numbness"),
        ("I had to rest it for months and it's no better", "not_improving"),
        # (round 46) worse said a few words further on
        ("every week it seems a bit worse", "not_improving"),
        ("for weeks it seems a bit worse, even with the bridges", "not_improving"),
        ("there's no weight on them, I can't put weight on my leg at all", "cannot_bear_weight"),
    ],
)
def test_a_family_raises_its_flag(red_flag_rules: RedFlags, text: str, row: str) -> None:
    flag = red_flag_rules.assess(text)
    assert flag is not None and flag.id == row, (text, flag and flag.id)


@pytest.mark.parametrize(
    "text",
    [
        # "bump up" as "raise"
        "when do I bump up the weight, every session or once a week",
        "should I bump it up to the next level now",
        "my physio bumped up the weights on the deadlift",
        # the families' calm neighbours
        "I can get up without my arms now, my legs feel strong",
        "sitting on the wooden benches at the fair kills my sit bone",
        "I went down a notch on the leg press",
        # a sign said with its end
        "I ran a temperature after the jab but it went the next day",
        "I dropped a few pounds with a stomach bug and put it all back on",
        "my toes went numb in my new boots and it was gone once I took them off",
        "there's an ache at night after a long shift but it's gone by breakfast",
        "my fingers popped when I stretched them at my desk",
        # (round 26)
        "I surf most mornings and popping up on the board pulls at the back of my leg",
        "my son wants to know if a cortisone shot can make the tendon snap",
        "could it snap if I go back to sprinting too soon",
        "one physio says tendon, the other says nerve, could it be both",
        "for the bridge do I go up with both legs and down with one",
        "I hug my knees to my chest in bed and my bum is sore in the morning",
        "I tweaked it yesterday and it came back worse than before, do I start again",
        "the pain is worse since two days, what should I do",
        "does a flare-up mean it's getting worse or is it just a bad week",
        "first game in months on Saturday and now it's sore",
        "I can't afford to be off work for months, how long does it take",
        "I'm on the rowing machine every night, how long should I go for",
        "I walk the dog every night, is that enough",
        "I feel tight all the time, should I stretch more",
        "it stiffens up overnight but eases once I get moving",
        "my husband says I'm wasting my time with the exercises",
        "I work next to hot ovens all day and my leg feels looser",
        "mountain biking over the bumps on the trail, is that okay",
        "it's only been ten days and it's no better, is that normal",
        "I've got pins and needles in my hands but the legs are fine",
        # (round 26, holdout26's calm lines, read by cause)
        "my foot went to sleep on the loo while I was reading",
        "I lost half a stone after my operation, on purpose with a dietitian",
        "I'm losing a bit of weight because I cycle to work now, which is the plan",
        "my thigh felt bruised after the sports massage but there's no bruise",
        "that pop was the foam roller, not me",
        "my shoulder popped when I reached up to the shelf",
        "my foot went tingly in the cold and came right once I warmed up",
        # (round 27) the new families' calm neighbours
        "the end of the film made me tear up",
        "I lost a bit of strength in my legs over the summer off",
        "my left shoulder sits lower than the other",
        "I slipped down the last two stairs but I'm fine",
        "does a pillow between my knees help when it throbs in bed after a long run",
        "I've run five days a week for three weeks straight, is that too much",
        "my son has been eating well since he started training",
        # (round 27, holdout27's calm lines, read by cause)
        "something popped in my neck when I looked over my shoulder",
        "there was a crack but it was just my ankle when I circled it, no pain",
        "the lump turned out to be a cyst on my hand, nothing to do with my leg",
        "I lost weight after my surgery last year, which the surgeon said to expect",
        "I did a detox and lost two pounds then put them straight back on",
        "my left thigh is bigger than my right because I'm left-footed",
        "I had a head cold and felt a bit run down, no temperature though",
        # (round 27, holdout27's on-topic questions, read by cause)
        "are PRP shots worth the money or a rip off",
        "do I need a sick note for the physio",
        "the tendon, is it worn out or inflamed",
        "do weak glues cause this",
        "my mate says it's from sitting in the dragline cab all day",
        "is slow lowering better than the gym or do I need both",
        "is surgery quicker than doing exercises for months",
        "will the bike seat worsen it",
        # (round 28, holdout28's calm lines, read by cause)
        "I've dropped some weight since I started cycling to work, which I wanted",
        "my ankles were puffy on the coach trip but they went down overnight",
        "I stubbed my toe on the bed and the nail's gone purple",
        "my legs get shaky on the last reps of the bridges, is that normal",
        "I had a lump in my neck with a cold, just a swollen gland",
        # (round 28, holdout28's on-topic questions, read by cause)
        "my pop walks to the club every day, is that okay for his hamstring",
        "pop uses a massage gun on his bum, does it help",
        "I sit in the hot tub every night in winter, is that okay",
        "does the shockwave machine feel like electricity",
        "is tendinopathy just the tendon being inflamed",
        "can a scan show something the physio can't feel",
        # (round 28, holdout29's calm lines, read by cause)
        "my leg went numb sitting on the toilet but the feeling came back after a minute",
        "pins and needles in my foot when I sit cross legged, it goes in a minute",
        "I lost a few pounds fasting for Lent",
        "my hamstring shakes on the long holds but it stops when I rest",
        "I wake up sweaty when the heating is on too high",
        "my daughter had breast cancer",
        # (round 29, holdout30's calm lines, read by cause)
        "the nurse told me to lose weight and I've lost half a stone, which is good",
        "my ankles were puffy after dancing in heels all night",
        "my leg goes numb on the tractor seat but it goes after a few steps",
        "my feet tingled from the cold loch, gone once I warmed up",
        "I have trouble holding the water bottle in the stretch",
        "I'm 62 and it suddenly got a lot better after the physio",
        "I sat in the car for ages and it is worse now",
        "my husband had prostate cancer, I'm just asking for me",
        "I'm 63 and it suddenly got worse after the garden",
        # (round 29, holdout30's on-topic questions, read by cause)
        "I drive the overnight coach, eight hours sat there, what can I do",
        "did I make it worse by stretching it really hard every night",
        # (round 30, holdout31's calm lines, read by cause)
        "my legs felt wobbly straight after spin class but I walked home fine",
        "I've dropped a bit of weight because I'm cycling every day, which was the plan",
        "I drank loads of water today so I'm weeing a lot",
        "short of breath up the mountain at altitude, fine once we came down, no leg trouble",
        "I lost weight after cutting out sugar and I'm well pleased",
        "there's a cracking noise in my ankle when I rotate it",
        "the numbness in my foot from the tight ski boot went once I took it off",
        "I've been looking after it and it gets worse when I sit",
        # (round 30, holdout31's on-topic questions, read by cause)
        "how long am I going to be hobbling about with it",
        "would you image this at all, or only if it's not settling after a few months",
        "what percentage are better after three months, and after six",
        "am I wrong to assume a strain would have shown bruising by now",
        "every night I put me leg up on the stairs and stretch it, is that doing any good",
        "do I need to warm up first, it's three in the morning and I'm barely awake",
        "the water will not come out of the hose",
        # (round 31, holdout32's calm lines, read by cause)
        "I was puffing like a train after the sprint intervals but got my breath back in a minute",
        "it only aches at night if I lie on that side, if I roll over it's fine",
        "I've lost a bit of weight since I got back into running, which was the whole idea",
        "it wakes me if I curl up in a ball, but a pillow between my knees sorts it out",
        "I went a bit breathless on the nordics because I was holding my breath",
        "I get up for a wee once a night, always have done, nothing's changed",
        "a bit of blood when I spat after brushing, my gums always bleed",
        # (round 31, holdout32's on-topic questions, read by cause)
        "which is more often the reason, too much training or weak muscles",
        "should I get a standing desk, or is one of those wobble stools a better idea",
        "I have no dumbbell, can I hold water bottles for the Romanian deadlift",
        "after how many months with no improvement do doctors start thinking about surgery",
        "the wife dragged me down the leisure centre, frog legs and all, is it the kick",
        "it's worse than at the start of my run but it settles",
        # (round 32, holdout33's calm lines, read by cause)
        "my calf swelled up on the plane but it went down and it's fine now",
        "my alarm has woken me up early for work, should I do the bridges first",
        "I'm sixty and I've just developed a liking for running",
        "is it safe for her to do the exercises, her dad had cancer last year",
        "my wife's lost a stone, she hasn't been trying very hard on the diet but it's working",
        "my legs were like jelly after leg day, just worn out, fine after a sit down",
        "I can feel my sit bone when I sit on the kitchen floor, a bony bump, is that normal",
        "there's a little bump on my thigh, it's an insect bite from the garden",
        "it wakes me if I sleep curled up, a pillow between my knees helps",
        "I've lost a few pounds since I gave up the wine, which was the plan",
        "my feet swelled a bit on the long walk but they went down overnight",
        "I get a dead leg if I sit on the loo too long, it goes in a minute",
        "I was puffed after running for the bus, then fine after a minute",
        "losing weight but it's because I'm training for a marathon",
        "I'm 55 and it's the same old ache, nothing new",
        # (round 33) beside holdout34's families: Scots "wee" before a start, feet up
        "I had a wee stretch before I started",
        "I put my feet up after the bridges, is that ok",
        "my dad's 65 and he wants to do the bridges, is he okay to",
        # (round 34) beside holdout35's families: a fizzy drink, a foot tapped to music,
        # a day out missed, the start of a session, a worry, a clinician's plain question
        "I had a fizzy drink after the session",
        "I tap my foot to the music while I do the holds",
        "I couldn't make it to the car boot sale",
        "it hurts the most at the start of the session",
        "what if I don't improve after three months",
        "is it normal to not improve in the first week",
        "my patient asked me how often to do the bridges",
        "the limp is so slight nobody notices",
        # (round 35) beside holdout36's families: a weight dropping on a plan, a stool sat
        # on, a choice between two things that is worse
        "my weight's dropping nicely on the diet, which is the plan",
        "stool or chair with a back, which is better for me",
        "is a high stool at the counter ok for my hamstring",
        "which is worse for it, sitting or standing",
        "stool's a bit runny after the curry last night",
        "okay so what if it never gets better, like ever, do they operate",
        "I'm worried it never gets better, what then",
        "I roll on the foam roller every single night, is that too much",
        "the wife says soft chairs are worse, we argue every night about it",
        "the spin bike saddle is grinding on the sit bone, should I get a new one",
        "can a tendon be sick without an injury",
        "that massage gun looks sick, does it work on tendons",
        # (round 36) holdout37's on-topic questions sent to safety, read by cause: Scots
        # "wee" beside "weak glutes", footwear and an exercise's name, the deadlift said as
        # two words, a cushion's hole, sleep on the couch, an overnight trip, a tendon
        # weakened, a tired arm
        "is it weak glutes, the coach keeps saying it like a wee parrot",
        "can I swim in flip flops or should I wear fins",
        "the physio called it a heel drag, how do I do that one",
        "do I start the Romanian dead lift on two legs or one",
        "should I get one of those cushions with a hole at the back",
        "I fell asleep on the couch all folded up and my backside's stiff, is that bad for it",
        "we did an overnight up the mountain, is a hammock bad for it",
        "I read that steroid injections can weaken a tendon, is that true",
        "after the gig my arm is dead and my backside is sore, how do I do the bridge hold",
        "the new spikes are like being shot out of a cannon, can I sprint in them",
        "I am able to pull my toes up towards me without any issue",
        "my dad lost weight on his diet and he's eating just fine now",
        "the music was pounding next door, can I do the bridges in the morning instead",
        # (round 36) holdout37's calm lines, read by cause: the diet said after a "but", a
        # bruise's size said after it, a bruise that came and went, seasickness
        "I've lost half a stone but I've been on a diet since the new year",
        "there's a bruise on my shin from the box jumps, about the size of a coin",
        "I had a knock months ago, the bruise came and went, this is just a slow ache",
        "I felt sick on the ferry but that was just seasickness",
        # (round 37) holdout38's on-topic questions sent to safety, read by cause: a dragon
        # boat (not a foot that drags), a saying about the weak, muscles shaking as they
        # lower, tight like a rubber band, a pillow cut for sitting, the road's bumps, a
        # stool sat on, a habit of crossing the legs, a face gone purple holding the breath,
        # a tear someone else guessed at, nerve pain set against tendon pain
        "flare up after dragon boat, do I stop the exercise or keep going",
        "my coach reckons rest is for the weak, do I take a month off",
        "when I come down slow my legs shake like jelly, is that normal at first",
        "my leg's tight like a rubber band, can I stretch it",
        "I cut a hole in a pillow to sit on, is that the right idea",
        "on those bad country roads the bumps kill me, any tips for driving",
        "the lab stools are so tall my feet hang in the air, is that bad for it",
        "I cross my legs on the plane all the time, does that make it worse",
        "in the bridge hold do I breathe or hold my breath until I go purple",
        "my mate at the club said I've torn it, I reckon it's the tendon thing",
        "nerve pain or tendon pain, which one gets worse sitting",
        # (round 37) holdout38's calm lines, read by cause: swelling watched for and not
        # found, a pound or two lost and explained
        "you told me to watch for swelling, I checked both calves, same size",
        "the scales say I lost two pounds but I've been walking loads more",
        # (round 38) beside the new carriers: air in a tyre, pain while moving, someone
        # else's loss explained
        "there's no air in my bike tyres so I walked to work",
        "it ached the whole time I was running",
        "my son does the hamstring exercises, he's got thin since he took up running, eats loads",
        # (round 38) holdout39's calm lines, read by cause: a relative's swelling seen to
        # and set apart, weight lost on purpose, a temperature checked and normal, out of
        # breath from reps or the effort of a Nordic
        "my sister's ankle swelled on the flight, she's seen a doctor, I'm asking about my own",
        "I've lost weight since I cut out the beer, that's on purpose",
        "took my temperature to check, it's normal",
        "out of breath after the sprint reps, but I got it back quick",
        "a bit breathless doing the Nordics, that's just effort",
        # (round 38) holdout39's on-topic questions sent to safety, read by cause: a saying,
        # the army's sick call, a slope weighed up, a flare after one walk, a teacher's
        # splits stretch, a cutout saddle, standing long at work, a doctor giving out shots,
        # an injection that "not just numbs it"
        "I'm burning the candle at both ends, is that why it hurts",
        "do I report to sick call for this or just keep doing the bridges",
        "is going downhill or uphill harder on the hamstring",
        "it's worse since I walked to the market, what do I do",
        "the yoga teacher pushes us into the splits stretch, should I skip it",
        "a cutout saddle with the hole in the middle, does that help",
        "I can't stand at the till for long anymore, is a stool okay",
        "the doctor gives out cortisone shots to everyone, is it a good idea",
        "is there an injection that heals it, not just numbs it",
        "it's not worse, if anything it's better",
        # (round 39) holdout40's calm lines, read by cause: a relative's sign set apart from
        # the person's own question or already seen to, weight lost by giving up sugar, a
        # night ache that goes on rolling over, a cramp gone after a stretch
        "my brother has numbness down both legs, I'm asking for my own sit bone",
        "my aunt coughed up a bit of blood with a cold and saw the GP",
        "my dad is seventy and has new knee pain, I'll take him to the doctor",
        "I gave up sugar in the spring and lost weight, that was the plan",
        "a dull ache at night that goes as soon as I roll onto my back",
        "a cramp in my foot last night, it went after I stretched it",
        "I'm losing a few pounds since I started the couch to 5k, on purpose",
        # (round 40) holdout40's on-topic questions sent to safety, read by cause: a pull
        # only supposed, shockwave likened to a band's flick or to electricity, "week"
        # heard as "weak", Scots "wee" for small, slang "sick" for great
        "if I'd pulled it wouldn't I have felt it go straight away",
        "a friend says shockwave feels like being flicked with a rubber band, does it sting",
        "is the shockwave treatment like an electric shock",
        "how many times a weak should I do the bridges",
        "would the scan give a wee number for how bad the tendon is",
        "trail running at stage three, sick or not",
        # (round 40) holdout41's calm lines, read by cause: weight lost on a slimming plan,
        # breath short after hill sprints, a hobble after sitting that goes, a massage gun's
        # red mark, toes numb in tight boots, a lifelong clumsiness, a belt notch on purpose,
        # legs like jelly after a set, someone else's bruise or bladder set apart from the
        # person's question, pins and needles in the hand, one night wee as always, shivering
        # in a cold gym, hot yoga, a bruise on the shin said last
        "I've lost half a stone at Weight Watchers, I've been trying really hard",
        "puffed out after the hill sprints, just unfit",
        "I can walk fine, I hobble a bit after the car then it goes",
        "the massage gun left a red mark on my thigh for a bit",
        "my toes went numb from the ski boots, once I took them off they were fine",
        "I trip on the kerb now and then, I'm clumsy, always have been",
        "down a belt notch since I started walking to work, that was the whole plan",
        "after a set of Nordics my hamstrings are like jelly for a few minutes",
        "my wife has a big bruise on her knee, but the question's about my hamstring",
        "my grandad's bladder is bad but it's me asking, about my sit bone",
        "the pins and needles were in my arm from sleeping on it",
        "I get up in the night to pee once, always done that",
        "I'm shivering because the gym's freezing, that's all",
        "my legs feel heavy after hot yoga",
        "bruise from walking into the table, it's on my shin",
        "after how many weeks without improvement should I see someone",
        # (round 40) holdout41's on-topic questions sent to safety, read by cause: a tear
        # asked of a scan, a pull long past, rest asked to weaken it, a face red with effort,
        # a ball used every night, "just numb it" of ice, bumps in the road, swimming that
        # cannot be done, a brand's colour, months of exercise against surgery, an older
        # person slow off the floor
        "would an ultrasound show a tear in the tendon",
        "I pulled it years ago and it healed in a fortnight, why is this taking so long",
        "will it get weaker if I rest it for a month",
        "he stretches till he's red in the face, should he stop",
        "I use a tennis ball on my sit bone every night, is that alright",
        "on the hamstring, the bum bit, does ice fix it or just numb it",
        "every bump on the bus I feel it at the sit bone",
        "I cannot swim well, can I just walk in the pool",
        "is the Purple mattress worth it for this",
        "should I have surgery instead of doing exercises for months",
        "my nan cannot get up from the floor easily, can she do the bridge on the bed",
        # (round 41) holdout42's calm lines, read by cause: someone else's sign set apart by
        # "I'm asking for me" or "mine's fine", boots laced too tight, a benign breast lump,
        # achy nights that settled back down, each sign asked and answered "no"
        "my uncle's foot drags since his stroke, I'm asking for me, my hamstring's just sore",
        "my sister's calf went red and hot, mine's fine though",
        "my toes went numb when I laced my boots too tight, I loosened them and it went",
        "I had a breast lump years ago, it was benign, I've never had cancer",
        "two achy nights after a long hike, then it settled back down",
        "numbness? no. tingling? no. just sore when I sit",
        # (round 42) holdout43's calm lines and on-topic questions, read by cause: a denial
        # over a list joined by "and", a good night's sleep, habits unchanged, puffed on
        # stairs like everyone, kitchen things that pop, a gap in payments, a dislike
        # ("can't stand doctors"), a wall held in an exercise, a treatment that weakens a
        # tendon, someone dragging the person along, rotten snow, a band tied round the
        # chest for an exercise
        "no pins and needles or numbness anywhere in my leg",
        "no numbness and tingling, just the ache",
        "I sleep through most nights, it only aches if I sit a long time",
        "my toilet habits haven't changed one bit",
        "I get puffed after the stairs, but it's six floors and everyone's puffed",
        "the oven made a popping noise and the fuse went, my leg's fine",
        "there's a gap in my pension payments that's stressing me out",
        "I can't stand doctors, do I really need to see one",
        "on the one-leg deadlift, do I hold onto the wall for balance",
        "I read that steroid injections can weaken the tendon, is that true",
        "my dad drags me on his hikes every Sunday, is that okay for this",
        "the snow's all rotten this time of year so I'm swimming instead",
        "for Nordics, can a partner hold a band around the chest tied to the rack",
        "every night after tea we walk the dog for an hour, is that too much for it",
        "she sits with a bag of frozen peas on it every night, does that help",
        "it eases as soon as I rest",
        # (round 43) holdout44's calm lines and on-topic questions, read by cause: the small
        # hours as a shift worker's time for something, sleep lost to night shifts, "pop"
        # for a tablet by brand, shockwave likened to electricity, how a strain feels, a
        # star sign, a spouse's cancer with "not me", a chore, smoke, a blood donation or a
        # cold given as the reason and gone, weight lost by plan
        "I do the bridges on my break at three in the morning, does the time matter",
        "I drive the bread van at four in the morning, how should I sit",
        "working nights this week, not getting proper sleep, does that slow healing",
        "I pop a couple ibuprofen before the school run, is that okay with the exercises",
        "shockwave sounds scary, is it like electricity",
        "does a strain feel different from this, where my leg meets my bottom",
        "my star sign is cancer, not that it matters",
        "my husband had bowel cancer, not me, I'm just the one with the sore hamstring",
        "bit out of puff, I've just come in from digging the veg patch",
        "there's a bruise on my arm from a blood test, nothing else",
        "I had a temperature with a cold last week, it's gone now, the leg is the same",
        "my chest was tight from the bonfire smoke but it cleared once I came inside",
        "I've lost a few pounds since I started running again, that was the plan",
        "would it be better to do them every morning at six instead",
        # (round 44) holdout45's calm lines, read by cause: a lid or a cork that pops, going
        # often after a lot to drink, a partner's snoring, hunger or tiredness "all the
        # time", a numb lip from the dentist, a sprained ankle going down, a long-standing
        # niggle unchanged, breath short from a dash; and a denial kept ("if I'm honest",
        # "no, well, I haven't had any")
        "I heard the cork pop on the champagne at my niece's wedding",
        "I've been to the toilet loads today, I've had about six cups of tea",
        "my wife snores so I'm not getting much sleep",
        "I've been tired all the time since the new baby",
        "my lip was numb after the filling but it's worn off",
        "I rolled my ankle last week and it's still a bit swollen but much better",
        "I've had a stiff neck for years, nothing's changed",
        "sorry, out of breath, I just dashed in from the car",
        "no numbness, if I'm honest",
        "no, well, I haven't had any numbness",
        # ...and holdout45's on-topic questions read as signs: a dislike ("can't stand
        # ice"), a warm pool, where a pain reaches ("never goes below my knee")
        "I can't stand ice, would heat do the same thing",
        "she swims in the warm pool for the arthritis in her knees, is that good for me too",
        "the pain never goes below my knee, so is it a nerve",
        # (round 45) holdout46's calm lines, read by cause: tired legs after a race and gone,
        # fruit bruised, a gap in time, numb at the news; and its on-topic questions read as
        # signs: bruising asked about in general, hobbling not wanted, standing up in class
        # not allowed, a hot bath, the hot season, Ulster's "dead on", a stuttered
        # deadlift, a walk every night, "hold on" after a wee dance
        "my legs were heavy after the marathon but fine two days later",
        "there's a bruised pear in the fruit bowl",
        "I had a gap in my training over the holidays",
        "I felt numb when I heard the news about the factory",
        "does a tear bruise more than a tendon problem, is that a way to tell",
        "the wedding's in June and I can't be hobbling down the aisle",
        "I can't just stand up in the middle of a meeting, can I",
        "is a hot tub good for my hamstring after training",
        "in the hot weather should I still do the bridges for my leg",
        "the hip thrust is dead on, should I keep it in",
        "for the single leg dead, dead, deadlift, how far down do I go",
        "my dad walks the dog every night, should I go with him",
        "I had a wee walk, hold on, is walking good for this",
        # (round 46) holdout47's calm lines, read by cause: legs the same size, heavy after
        # the workout, a phone out of a pocket, a bike chain, a steep hill, the loo once a
        # night as always, a head throbbing from wine, a hip bruised on a table
        "my legs are the same size both sides, no swelling",
        "legs felt heavy after leg day, that's just the workout",
        "my phone popped out of my pocket doing the bridge",
        "the chain snapped on my bike so I walked home",
        "a bit puffed out cycling up a steep hill",
        "I get up once for the loo at night, always have",
        "my head's throbbing from the wine, the leg's fine",
        "I bruised my hip on the table corner",
        # ...and its on-topic questions read as signs: a pull guessed at, help as a
        # condition, no weight in the pool, a wall held for balance
        "I reckon I pulled it gardening but it's a dull ache, is that a strain",
        "the lads say I pulled it, how do I tell a strain from the tendon thing",
        "should I see the physio first or only if no help from the exercises",
        "is swimming any use when there's no weight on the tendon",
        "for the single leg deadlift can I hold on to the wall",
        "I pulled my groin at five-a-side, how long does a groin strain take",
        # (round 46, found trying the round's openers) rest for months as advice asked about
        "my mate says rest it for months, is that right",
        "every week I go to the gym, is it worse to skip a week",
    ],
)
def test_a_calm_line_stays_calm(red_flag_rules: RedFlags, text: str) -> None:
    assert red_flag_rules.assess(text) is None
