#!/usr/bin/env node
// The installed admin CLI: runs scripts/cli.ts through tsx.
import { register } from 'tsx/esm/api'

register()
await import('../scripts/cli.ts')
