from pishran.cli import main

raise SystemExit(main())
