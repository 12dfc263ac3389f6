-- The peer of `peixun grade` for bench/grade.sh: the seed scheme's grading rules
-- (CONTRACT §2, seeds/xuchang-2021-1/scheme.toml) as a data-minded clerk would write
-- them in DuckDB SQL over the same five CSV files, numbers typed in by hand.
-- Run by bench/grade_duckdb.py, which sets the variables `input` (the export folder)
-- and `output` (where the per-trainee results go).
-- Rows that cannot be typed (a 学时 like "2学时") are left out and kept in DuckDB's
-- reject table; unknown IDs and modules fall out of the joins; out-of-period rows
-- out of the WHERE clauses.

CREATE TEMP TABLE roster AS
SELECT upper(身份证号) AS id, 姓名 AS name, 坊 AS class, 角色 AS role
FROM read_csv(getvariable('input') || '/roster.csv', header = true, auto_detect = false,
    columns = {'身份证号': 'VARCHAR', '姓名': 'VARCHAR', '性别': 'VARCHAR', '区县': 'VARCHAR',
               '单位': 'VARCHAR', '学段': 'VARCHAR', '学科': 'VARCHAR', '坊': 'VARCHAR', '角色': 'VARCHAR'})
WHERE 角色 IN ('学员', '坊主', '坊主兼学员');

CREATE TEMP TABLE modules (module VARCHAR, required DECIMAL(18, 3), points DECIMAL(18, 3));
INSERT INTO modules VALUES ('专业理念与师德', 15, 20), ('专业知识', 15, 20), ('专业能力', 10, 10), ('信息技术', 20, 20);

-- 课程: distinct completed courses inside the period; the first completion of a course counts.
CREATE TEMP TABLE hours AS
WITH counted AS (
    SELECT upper(c.身份证号) AS id, c.课程名称 AS course, c.模块 AS module, c.学时 AS h, c.完成时间 AS done
    FROM read_csv(getvariable('input') || '/courses.csv', header = true, auto_detect = false,
        timestampformat = '%Y-%m-%d %H:%M:%S', store_rejects = true,
        columns = {'身份证号': 'VARCHAR', '课程名称': 'VARCHAR', '模块': 'VARCHAR', '学时': 'DECIMAL(18,3)',
                   '完成时间': 'TIMESTAMP'}) c
    WHERE c.完成时间 >= TIMESTAMP '2021-09-10 00:00:00' AND c.完成时间 < TIMESTAMP '2021-12-21 00:00:00'
      AND c.课程名称 <> ''
), courses AS (
    SELECT id, course, arg_min(module, done) AS module, arg_min(h, done) AS h
    FROM counted GROUP BY id, course
)
SELECT c.id, c.module, sum(c.h) AS h
FROM courses c JOIN modules m USING (module) JOIN roster r USING (id)
GROUP BY c.id, c.module;

-- 研修活动: each completed activity inside the period, once.
CREATE TEMP TABLE activities AS
SELECT DISTINCT upper(身份证号) AS id, 活动名称 AS activity
FROM read_csv(getvariable('input') || '/activities.csv', header = true, auto_detect = false,
    timestampformat = '%Y-%m-%d %H:%M:%S', store_rejects = true,
    columns = {'身份证号': 'VARCHAR', '活动名称': 'VARCHAR', '状态': 'VARCHAR', '完成时间': 'TIMESTAMP'})
WHERE 状态 = '已完成' AND 活动名称 IN ('我的近期发展规划', '信息技术应用大PK')
  AND 完成时间 >= TIMESTAMP '2021-09-10 00:00:00' AND 完成时间 < TIMESTAMP '2021-12-21 00:00:00';

-- 研修作业: the latest submission inside the period.
CREATE TEMP TABLE homework AS
SELECT upper(身份证号) AS id,
       arg_max(coalesce(批阅等级, ''), 提交时间) AS grade,
       arg_max(coalesce(推优, '') = '是', 提交时间) AS recommended
FROM read_csv(getvariable('input') || '/homework.csv', header = true, auto_detect = false,
    timestampformat = '%Y-%m-%d %H:%M:%S', store_rejects = true,
    columns = {'身份证号': 'VARCHAR', '作业名称': 'VARCHAR', '提交时间': 'TIMESTAMP', '批阅等级': 'VARCHAR', '推优': 'VARCHAR'})
WHERE 作业名称 = '我的培训总结'
  AND 提交时间 >= TIMESTAMP '2021-09-10 00:00:00' AND 提交时间 < TIMESTAMP '2021-12-21 00:00:00'
GROUP BY 1;

-- 坊主工作: posts inside the period, per tutor.
CREATE TEMP TABLE posts AS
SELECT upper(身份证号) AS id, count(*) FILTER (WHERE 类型 = '公告') AS announcements,
       count(*) FILTER (WHERE 类型 = '简报') AS briefings
FROM read_csv(getvariable('input') || '/tutor_posts.csv', header = true, auto_detect = false,
    timestampformat = '%Y-%m-%d %H:%M:%S', store_rejects = true,
    columns = {'身份证号': 'VARCHAR', '类型': 'VARCHAR', '标题': 'VARCHAR', '发布时间': 'TIMESTAMP', '坊': 'VARCHAR'})
WHERE 发布时间 >= TIMESTAMP '2021-09-10 00:00:00' AND 发布时间 < TIMESTAMP '2021-12-21 00:00:00'
GROUP BY 1;

-- Trainee scores: every item rounded to 2 decimals, the total their sum.
CREATE TEMP TABLE scores AS
WITH per_module AS (
    SELECT r.id, m.module, coalesce(h.h, 0) AS h,
           round(least(coalesce(h.h, 0), m.required) * m.points / m.required, 2) AS pts
    FROM roster r CROSS JOIN modules m LEFT JOIN hours h ON h.id = r.id AND h.module = m.module
    WHERE r.role IN ('学员', '坊主兼学员')
), course_points AS (
    SELECT id, sum(pts) AS pts, sum(h) AS h, bool_or(h > 0) AS has_course FROM per_module GROUP BY id
), activity_points AS (
    SELECT id, 10 * count(*) AS pts FROM activities GROUP BY id
)
SELECT r.id, r.class, r.role, c.h AS course_hours,
       c.pts + coalesce(a.pts, 0)
         + CASE hw.grade WHEN '优秀' THEN 10 WHEN '良好' THEN 8 WHEN '中等' THEN 6 ELSE 0 END AS total,
       CASE hw.grade WHEN '优秀' THEN 10 WHEN '良好' THEN 8 WHEN '中等' THEN 6 ELSE 0 END AS homework_points,
       hw.id IS NOT NULL AS submitted, hw.grade IN ('优秀', '良好', '中等') AS graded,
       coalesce(hw.recommended, false) AS recommended,
       c.has_course OR a.id IS NOT NULL OR hw.id IS NOT NULL AS participated
FROM roster r JOIN course_points c USING (id)
LEFT JOIN activity_points a USING (id) LEFT JOIN homework hw USING (id);

-- 坊主考核 over the 学员 of the 坊 each tutor leads, ranked over the programme.
CREATE TEMP TABLE tutors AS
WITH classes AS (
    SELECT class, count(*) AS trainees, count(*) FILTER (WHERE participated) AS participated,
           count(*) FILTER (WHERE total >= 90) AS passed, count(*) FILTER (WHERE submitted) AS submitted,
           count(*) FILTER (WHERE graded) AS graded, count(*) FILTER (WHERE recommended) AS recommended
    FROM scores WHERE role = '学员' GROUP BY class
), points AS (
    SELECT t.id, coalesce(c.participated / c.trainees, 0) AS participation_rate,
           coalesce(c.passed / c.trainees, 0) AS pass_rate,
           CASE WHEN c.participated >= 0.95 * c.trainees THEN 20 WHEN c.participated >= 0.85 * c.trainees THEN 18
                WHEN c.participated >= 0.60 * c.trainees THEN 16 ELSE 0 END
         + CASE WHEN c.passed >= 0.95 * c.trainees THEN 20 WHEN c.passed >= 0.85 * c.trainees THEN 18
                WHEN c.passed >= 0.60 * c.trainees THEN 16 ELSE 0 END
         + 5 * least(coalesce(p.announcements, 0), 1) + 5 * least(coalesce(p.briefings, 0), 3)
         + CASE WHEN c.submitted > 0 AND c.graded = c.submitted THEN 20 ELSE 0 END
         + CASE WHEN c.submitted > 0 AND c.recommended >= 0.10 * c.submitted THEN 20 ELSE 0 END AS total
    FROM roster t LEFT JOIN classes c USING (class) LEFT JOIN posts p USING (id)
    WHERE t.role IN ('坊主', '坊主兼学员')
), ranked AS (
    SELECT *, row_number() OVER (ORDER BY total DESC, pass_rate DESC, participation_rate DESC, id) AS rank
    FROM points
)
SELECT id, total, total >= 90 AS passed,
       total >= 90 AND rank <= floor(0.10 * count(*) OVER ()) AS excellent
FROM ranked;

-- Pass (合格), and 优秀学员 ranked within each 坊 (坊主兼学员 pass by their hours, are not ranked).
CREATE TEMP TABLE results AS
WITH passed AS (
    SELECT s.*, s.total >= 90
             OR (s.role = '坊主兼学员' AND s.course_hours >= CASE WHEN t.excellent THEN 30 ELSE 40 END) AS passed
    FROM scores s LEFT JOIN tutors t USING (id)
), ranked AS (
    SELECT *, CASE WHEN role = '学员' THEN row_number() OVER (
                  PARTITION BY class, role = '学员'
                  ORDER BY total DESC, recommended DESC, homework_points DESC, course_hours DESC, id) END AS rank,
           count(*) FILTER (WHERE role = '学员') OVER (PARTITION BY class) AS class_trainees
    FROM passed
)
SELECT id, total, passed, coalesce(passed AND rank <= floor(0.10 * class_trainees), false) AS excellent
FROM ranked;

COPY results TO (getvariable('output') || '/trainees.csv') (HEADER);
COPY (SELECT id, total, passed, excellent FROM tutors) TO (getvariable('output') || '/tutors.csv') (HEADER);
