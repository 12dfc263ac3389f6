/// `index-files/style.css`: plain, printable, readable on a phone (tables scroll sideways).
enum OverviewStyle {
    static let source = """
        :root { --ink: #1d2430; --muted: #5b6472; --line: #d9dde3; --accent: #9c2b23; --bg: #f6f7f9; }
        * { box-sizing: border-box; }
        body { margin: 0; font: 16px/1.55 "LXGW WenKai", "Noto Sans CJK SC", "PingFang SC", "Microsoft YaHei", sans-serif;
               color: var(--ink); background: var(--bg); }
        header { background: #fff; border-bottom: 3px solid var(--accent); padding: 16px 20px 8px; }
        h1 { margin: 0 0 4px; font-size: 1.45rem; line-height: 1.3; }
        h2 { font-size: 1.2rem; margin: 0 0 10px; }
        h3 { font-size: 1rem; margin: 14px 0 6px; }
        .meta { margin: 0; color: var(--muted); display: flex; flex-wrap: wrap; gap: 4px 16px; }
        .midterm { color: var(--accent); font-weight: bold; }
        nav { display: flex; flex-wrap: wrap; gap: 4px 16px; margin-top: 8px; }
        nav a { color: var(--accent); text-decoration: none; }
        main { max-width: 1200px; margin: 0 auto; padding: 12px 16px 32px; }
        section { background: #fff; border: 1px solid var(--line); border-radius: 6px; padding: 14px 16px; margin: 14px 0; }
        .cards { display: grid; grid-template-columns: repeat(auto-fill, minmax(150px, 1fr)); gap: 10px; }
        .card { border: 1px solid var(--line); border-radius: 6px; padding: 10px 12px; }
        .card .label { color: var(--muted); font-size: .9rem; }
        .card .value { font-size: 1.7rem; font-weight: bold; }
        .card .note { color: var(--muted); font-size: .85rem; }
        .hint { color: var(--muted); font-size: .9rem; margin: 0 0 8px; }
        .scroll { overflow-x: auto; -webkit-overflow-scrolling: touch; }
        table { border-collapse: collapse; width: 100%; font-size: .92rem; }
        th, td { border-bottom: 1px solid var(--line); padding: 6px 8px; text-align: left; vertical-align: top; }
        thead th { background: #eef0f3; white-space: nowrap; }
        td[data-k], table.counties td:nth-child(4) { text-align: right; font-variant-numeric: tabular-nums; }
        td.links a { white-space: nowrap; margin-right: 6px; display: inline-block; }
        th[scope=row], button.expand { white-space: nowrap; }
        th[scope=row] button.expand { display: block; margin-top: 4px; font-size: .8rem; font-weight: normal; }
        a { color: #1a56a8; }
        tr.detail > td { background: #fafbfc; }
        tr.notice td { color: var(--muted); }
        button { font: inherit; padding: 3px 10px; border: 1px solid var(--line); border-radius: 4px; background: #fff; cursor: pointer; }
        button:disabled { opacity: .5; }
        .filters { display: flex; flex-wrap: wrap; gap: 8px 16px; margin-bottom: 8px; }
        .filters select, .filters input { font: inherit; padding: 3px 6px; max-width: 100%; }
        .files { columns: 2 260px; margin: 0; padding-left: 1.2em; }
        .counts { display: flex; flex-wrap: wrap; gap: 4px 18px; padding: 0; list-style: none; }
        .pager { display: flex; gap: 8px; margin-top: 8px; }
        .error { color: #fff; background: var(--accent); padding: 8px 12px; border-radius: 4px; }
        footer { text-align: center; color: var(--muted); font-size: .85rem; padding: 0 16px 24px; }
        @media (max-width: 600px) {
          body { font-size: 15px; }
          main { padding: 8px; }
          section { padding: 10px; }
          .cards { grid-template-columns: repeat(2, 1fr); }
          table.counties th:nth-child(4), table.counties td:nth-child(4) { display: none; }
        }
        @media print { nav, .filters, .pager, button { display: none; } section { break-inside: avoid; } }

        """
}
